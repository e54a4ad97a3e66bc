import Foundation

/// Runs the built `regua` executable, as a user would.
struct ReguaBinary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The executable beside the test bundle in the build products directory.
  static let url: URL? = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = directory.appendingPathComponent("regua")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/regua")
    return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
  }()

  static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
    guard let url else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// How a run whose standard output went elsewhere ended.
  struct Ending {
    /// Whether it exited (rather than died of a signal).
    var exited: Bool
    var status: Int32
    var stderr: String
  }

  /// Runs `regua` with its standard output going to `output` (a full device, a pipe nobody
  /// reads), through `/bin/sh` when a `prelude` is given to run first (`trap '' PIPE`,
  /// `ulimit -f 4`), with `environment` added to this process's.
  static func run(
    _ arguments: [String], output: FileHandle, prelude: String? = nil, environment: [String: String] = [:]
  ) throws -> Ending {
    guard let url else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    if let prelude {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(prelude); exec \"$0\" \"$@\"", url.path] + arguments
    } else {
      process.executableURL = url
      process.arguments = arguments
    }
    process.currentDirectoryURL = packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = output
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Ending(exited: process.terminationReason == .exit, status: process.terminationStatus, stderr: stderr)
  }

  /// Writes `text` to a new temporary file and returns its path.
  static func temporaryFile(_ name: String, _ text: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regua-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}
