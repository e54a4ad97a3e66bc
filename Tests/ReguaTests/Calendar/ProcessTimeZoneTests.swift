import Foundation
import Testing

@testable import Regua

/// Send windows and zones never read the process's time zone. `TZ` is process-wide (and setting
/// it while other tests run is a data race), so the windows' and zones' tests run again in a
/// child process of this test binary with `TZ` set to a zone fourteen hours east of UTC, where
/// any reading of `TimeZone.current` would move their pinned instants; and the calendar's
/// sources are checked for the APIs that read the process's zone or clock.
@Suite("The process's time zone")
struct ProcessTimeZoneTests {
  /// Set in the child process, to the zone its `TZ` names.
  static let childZone = ProcessInfo.processInfo.environment["REGUA_TZ_CHILD"]

  #if os(Linux)
    @Test("the windows' and zones' tests pass in a process whose TZ is Pacific/Kiritimati (UTC+14)")
    func childProcess() throws {
      guard ProcessTimeZoneTests.childZone == nil else { return }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
      process.arguments = [
        "--testing-library", "swift-testing", "--filter",
        "SendWindowsTests|SendWindowPlanTests|ZoneRulesTests|ProcessTimeZoneTests",
      ]
      var environment = ProcessInfo.processInfo.environment
      environment["TZ"] = "Pacific/Kiritimati"
      environment["REGUA_TZ_CHILD"] = "Pacific/Kiritimati"
      process.environment = environment
      let output = Pipe()
      process.standardOutput = output
      process.standardError = output
      try process.run()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
      #expect(text.contains("child zone: Pacific/Kiritimati"))
      #expect(text.contains("Test run with"))
    }
  #endif

  @Test("in the child, the process's zone is the one TZ names")
  func childSeesItsZone() {
    guard let zone = ProcessTimeZoneTests.childZone else { return }
    #expect(TimeZone.current.identifier == zone)
    print("child zone: \(TimeZone.current.identifier)")
  }

  @Test("the calendar's sources never read the process's time zone or clock")
  func sources() throws {
    let folder = packageRoot.appendingPathComponent("Sources/Regua/Calendar")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
    #expect(files.count > 10)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
        .joined(separator: "\n")
      for forbidden in [
        "TimeZone.current", "autoupdatingCurrent", "NSTimeZone", "Calendar.current", "Date()", "Date.now",
      ] {
        #expect(!code.contains(forbidden), "\(file) uses \(forbidden)")
      }
    }
  }
}
