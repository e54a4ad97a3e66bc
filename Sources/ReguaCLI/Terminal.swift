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

  private func write(_ text: String, to handle: FileHandle) {
    handle.write(Data(text.utf8))
  }
}
