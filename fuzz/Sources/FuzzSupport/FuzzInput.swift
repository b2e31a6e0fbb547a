/// The bytes libFuzzer hands a target, copied into an array (the readers take arrays).
public enum FuzzInput {
    /// The `size` bytes at `data`.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }
}
