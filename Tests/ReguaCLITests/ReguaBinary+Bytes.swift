import Foundation

extension ReguaBinary {
  /// What a run printed, byte for byte.
  struct Output {
    var status: Int32
    var stdout: Data
    var stderr: Data
  }

  /// Runs the executable in `directory`, with standard input read from `standardInput`
  /// (`/dev/null` by default), and returns its output as bytes.
  ///
  /// Standard output and error go to files rather than pipes, so a large output on one stream
  /// never blocks the process while the other is being read; a run that takes longer than
  /// `timeout` is terminated.
  static func output(
    _ arguments: [String], in directory: URL, standardInput: String = "/dev/null", timeout: Duration = .seconds(60)
  ) throws -> Output {
    guard let url, let input = FileHandle(forReadingAtPath: standardInput) else {
      throw CocoaError(.fileNoSuchFile)
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regua-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardInput = input
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    let seconds = Double(timeout.components.seconds)
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
    process.waitUntilExit()
    watchdog.cancel()
    try input.close()
    try out.close()
    try err.close()
    return Output(status: process.terminationStatus, stdout: try contents(of: outURL), stderr: try contents(of: errURL))
  }

  /// A file's bytes, read through a file handle (`Data(contentsOf:)` keeps buffers that
  /// LeakSanitizer reports as leaks).
  private static func contents(of url: URL) throws -> Data {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    return try handle.readToEnd() ?? Data()
  }
}
