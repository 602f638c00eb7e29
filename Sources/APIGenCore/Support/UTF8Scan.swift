extension String {
    /// Whether a UTF-8 byte of the string passes `test`: over the bytes in place when the string
    /// stores them contiguously (native and small strings), a byte at a time otherwise.
    @inline(__always)
    func containsUTF8(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }
}
