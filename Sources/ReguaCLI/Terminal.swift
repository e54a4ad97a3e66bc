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

  func print(_ text: String) {
    write(text.hasSuffix("\n") ? text : text + "\n", to: FileHandle.standardOutput)
  }

  func error(_ text: String) {
    write(text.hasSuffix("\n") ? text : text + "\n", to: FileHandle.standardError)
  }

  /// Writes raw bytes to standard output.
  func output(_ data: Data) {
    Terminal.write(data, to: FileHandle.standardOutput)
  }

  /// Writes raw bytes to standard error.
  func errorBytes(_ data: Data) {
    Terminal.write(data, to: FileHandle.standardError)
  }

  private func write(_ text: String, to handle: FileHandle) {
    Terminal.write(Data(text.utf8), to: handle)
  }

  /// Writes `data`; when the stream cannot take it (a full disk, a closed file), says so on
  /// standard error and exits 1 — a plan that was not written must not pass for done.
  private static func write(_ data: Data, to handle: FileHandle) {
    do {
      try handle.write(contentsOf: data)
    } catch {
      let stream = handle === FileHandle.standardOutput ? "standard output" : "standard error"
      let message = Data("error: cannot write to \(stream): \(error.localizedDescription)\n".utf8)
      try? FileHandle.standardError.write(contentsOf: message)
      exit(ExitCode.failure.rawValue)
    }
  }
}
