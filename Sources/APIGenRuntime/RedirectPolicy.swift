import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a client answers a redirect (301, 302, 303, 307, 308). The client decides, not the
/// transport: every transport the package offers hands redirects back unfollowed, so the same
/// rule holds on each of them.
///
/// An origin is a scheme, host and port. A redirect within the request's origin is followed with
/// the request as it was. A redirect to another origin never carries what the client or a
/// middleware added: credentials, cookies, header parameters, extra headers. Only `Accept`, and
/// `Content-Type` with a body that is sent again, go along.
public enum RedirectPolicy: Sendable, Equatable {
    /// Same-origin redirects are followed; one to another origin fails with `APIError.redirectRefused`.
    case sameOrigin
    /// Same-origin redirects are followed as they are, others without any added header (the default).
    case strippingCredentials
    /// No redirect is followed: a 3xx answer fails with `APIError.redirectRefused`.
    case refuse

    public static let `default` = RedirectPolicy.strippingCredentials

    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// The request to send for a redirect answer, or nil when `response` is not a redirect the
    /// client follows (no `Location`, another 3xx). Throws when the policy refuses it.
    func follow(_ response: HTTPURLResponse, to request: URLRequest) throws -> URLRequest? {
        guard Self.statuses.contains(response.statusCode), let from = request.url,
              let location = response.value(forHTTPHeaderField: "Location"), !location.isEmpty else { return nil }
        guard let target = URL(string: location, relativeTo: from)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https", target.host != nil else {
            throw APIError.redirectRefused(status: response.statusCode, to: "a location that is not an http(s) URL")
        }
        let sameOrigin = Origin(from) == Origin(target)
        switch self {
        case .refuse:
            throw APIError.redirectRefused(status: response.statusCode, to: Origin(target).description)
        case .sameOrigin where !sameOrigin:
            throw APIError.redirectRefused(status: response.statusCode, to: Origin(target).description)
        default:
            break
        }
        let method = (request.httpMethod ?? "GET").uppercased()
        // 303 (and 301/302 after a POST, as browsers and RFC 9110 allow) continue with a GET.
        let toGET = (response.statusCode == 303 && method != "HEAD") || ([301, 302].contains(response.statusCode) && method == "POST")
        if !toGET, request.httpBodyStream != nil {
            // A streamed body (a file) has been read; it cannot be sent again from here.
            throw APIError.redirectRefused(status: response.statusCode, to: Origin(target).description + " (a file body cannot be sent again)")
        }
        var next = URLRequest(url: target, timeoutInterval: request.timeoutInterval)
        next.httpMethod = toGET ? "GET" : method
        if !toGET { next.httpBody = request.httpBody }
        if sameOrigin {
            for (name, value) in request.allHTTPHeaderFields ?? [:] {
                if toGET, ["content-type", "content-length"].contains(name.lowercased()) { continue }
                next.setValue(value, forHTTPHeaderField: name)
            }
        } else {
            if let accept = request.value(forHTTPHeaderField: "Accept") { next.setValue(accept, forHTTPHeaderField: "Accept") }
            if !toGET, let type = request.value(forHTTPHeaderField: "Content-Type") { next.setValue(type, forHTTPHeaderField: "Content-Type") }
        }
        return next
    }
}

/// Scheme, host and port, with the scheme's default port filled in.
struct Origin: Equatable, CustomStringConvertible {
    let scheme: String
    let host: String
    let port: Int

    init(_ url: URL) {
        scheme = url.scheme?.lowercased() ?? ""
        host = url.host?.lowercased() ?? ""
        port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
    }

    var description: String { "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
