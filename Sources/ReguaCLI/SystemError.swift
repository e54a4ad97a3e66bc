#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call's `errno`, described in words for a message (`broken pipe`, `no space
/// left on device`), never as a domain and a number.
struct SystemError: Error, Equatable, CustomStringConvertible {
  /// The `errno` value.
  var code: Int32

  /// The error the last failed system call left in `errno`.
  static var last: SystemError { SystemError(code: errno) }

  /// `strerror`'s words, with a lower-case first letter to follow `error: …` (`Broken pipe` →
  /// `broken pipe`; `I/O error` keeps its capital).
  var description: String {
    let words = strerror(code).map { String(cString: $0) } ?? ""
    guard let first = words.first, words.dropFirst().first?.isLowercase ?? true else {
      return words.isEmpty ? "system error \(code)" : words
    }
    return first.lowercased() + words.dropFirst()
  }
}
