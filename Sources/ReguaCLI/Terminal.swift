import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, and whether to colour them.
struct Terminal {
  /// Whether diagnostics on standard error may be coloured: a terminal, and `NO_COLOR` unset.
  var colorsErrors: Bool {
    #if canImport(Glibc) || canImport(Darwin)
      return isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    #else
      return false
    #endif
  }

  /// Writes `text` and a new line (unless it ends with one) to standard output.
  func print(_ text: String) {
    Terminal.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: .standardOutput)
  }

  /// Writes `text` and a new line (unless it ends with one) to standard error.
  func error(_ text: String) {
    Terminal.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: .standardError)
  }

  /// Writes raw bytes to standard output.
  func output(_ data: Data) {
    Terminal.write(data, to: .standardOutput)
  }

  /// Writes raw bytes to standard error.
  func errorBytes(_ data: Data) {
    Terminal.write(data, to: .standardError)
  }

  /// Writes `data`; when the stream cannot take it (a full disk, a pipe whose reader has gone
  /// while SIGPIPE is ignored), says why in words on standard error (`broken pipe`) and exits 1
  /// — a plan that was not written must not pass for done.
  private static func write(_ data: Data, to stream: FileDescriptor) {
    do {
      try stream.write(data)
    } catch {
      let name = stream.number == FileDescriptor.standardOutput.number ? "standard output" : "standard error"
      try? FileDescriptor.standardError.write(Data("error: cannot write to \(name): \(error)\n".utf8))
      exit(ExitCode.failure.rawValue)
    }
  }
}
