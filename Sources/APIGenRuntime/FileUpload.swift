import Foundation

/// A file sent as a part of a `multipart/form-data` body: its bytes, or a file read when the
/// request is built, with the file name and content type its part says.
public struct FileUpload: Sendable, Hashable, Codable {
    public enum Source: Sendable, Hashable {
        case data(Data)
        case file(URL)
    }

    public var source: Source
    /// The part's `filename`; a file URL's last component when not given.
    public var fileName: String?
    /// The part's `Content-Type`; the document's, or `application/octet-stream`, when not given.
    public var contentType: String?

    public init(data: Data, fileName: String? = nil, contentType: String? = nil) {
        self.source = .data(data)
        self.fileName = fileName
        self.contentType = contentType
    }

    public init(contentsOf url: URL, fileName: String? = nil, contentType: String? = nil) {
        self.source = .file(url)
        self.fileName = fileName ?? url.lastPathComponent
        self.contentType = contentType
    }

    /// The bytes; a file is read here, when the request is built.
    public func contents() throws -> Data {
        switch source {
        case .data(let data):
            return data
        case .file(let url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw APIError.invalidArgument(name: "file", reason: "cannot be read: \(url.lastPathComponent)")
            }
        }
    }

    /// In JSON, as `Data` is: base64 text. Through a single-value container, so the coder's
    /// data strategy applies (`Data(from:)` itself would read and write an array of bytes).
    public init(from decoder: any Decoder) throws {
        self.init(data: try decoder.singleValueContainer().decode(Data.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(contents())
    }
}
