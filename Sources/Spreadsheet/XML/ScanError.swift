/// A ``ScanProblem`` at a byte offset of a part; the offset becomes a line number only when
/// the error is reported, so that scanning never counts lines.
struct ScanError: Error, Equatable {
    /// Where the problem was found, in bytes from the start of the part.
    let offset: Int
    /// What is wrong.
    let problem: ScanProblem
    /// The 1-based row and 0-based column of the worksheet cell being read, when the part
    /// is a worksheet: where a person looks for the problem.
    var row: Int?
    var column: Int?

    init(offset: Int, problem: ScanProblem, row: Int? = nil, column: Int? = nil) {
        self.offset = offset
        self.problem = problem
        self.row = row
        self.column = column
    }

    /// The 1-based line of `offset` in `bytes`.
    func line(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") { line += 1 }
        return line
    }
}
