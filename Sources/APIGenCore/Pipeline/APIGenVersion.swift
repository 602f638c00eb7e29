/// The version of APIGen.
public enum APIGenVersion {
    public static let current = "0.1.0"
}
