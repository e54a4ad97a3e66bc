import Foundation

/// Progress lines on standard error, so standard output holds only the results.
struct Progress {
  var enabled: Bool

  func say(_ message: String) {
    guard enabled else { return }
    FileHandle.standardError.write(Data("regua-bench: \(message)…\n".utf8))
  }
}
