import Foundation
import Testing

/// Send windows through the real `regua` binary: the plans never depend on the process's zone.
@Suite("Send windows from the command line")
struct WindowCommandTests {
  static let rules = """
    cadence "windows"
      calendar US
      timezone "America/New_York"
      window any 08:00-21:00
      window call 09:00-18:00 mon-fri
      D0 email due-today
      D+1 call
      D+3 sms reminder any day
      D+10 suspend service as cut
    """ + "\n"

  /// An invoice due on Friday 2026-03-06 whose customer lives in Los Angeles.
  static let invoice = """
    {"id": "INV-7", "issued": "2026-02-20", "due": "2026-03-06", "amount": "90.00", "currency": "USD",
     "customer": {"id": "C-7", "timezone": "America/Los_Angeles"}}
    """

  @Test("the same plans under three process time zones, with each contact's window in UTC")
  func sameUnderEveryZone() throws {
    let rules = try ReguaBinary.temporaryFile("windows.regua", Self.rules)
    let invoice = try ReguaBinary.temporaryFile("invoice.json", Self.invoice)
    var outputs: [String: String] = [:]
    for zone in ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"] {
      var lines: [String] = []
      for date in ["2026-03-06", "2026-03-09", "2026-03-16"] {
        let result = try ReguaBinary.run(
          ["plan", rules, "--invoice", invoice, "--on", date, "--json"], environment: ["TZ": zone])
        #expect(result.status == 0, "\(result.stderr)")
        lines.append(result.stdout)
      }
      outputs[zone] = lines.joined()
    }
    #expect(Set(outputs.values).count == 1)
    let plans = try #require(outputs["UTC"]).split(separator: "\n").map(String.init)
    // Friday: the e-mail, in Los Angeles' 08:00-21:00 (UTC−8).
    #expect(
      plans[0].contains(#""step":"d0-email","window":{"from":"2026-03-06T16:00:00Z","to":"2026-03-07T05:00:00Z"}"#))
    // D+1 is Saturday: the call waits for Monday, when Los Angeles is on daylight time (UTC−7).
    #expect(plans[0].contains(#""next":"2026-03-09""#))
    #expect(
      plans[1].contains(
        #""scheduled":"2026-03-09","step":"d+1-call","window":{"from":"2026-03-09T16:00:00Z","to":"2026-03-10T01:00:00Z"}"#
      ))
    // The suspension is no contact: no "window" at all.
    #expect(plans[2].contains(#""scheduled":"2026-03-16","step":"cut"}"#))
  }

  @Test("`--on today` is today in the cadence's zone, whatever the process's")
  func today() throws {
    let rules = try ReguaBinary.temporaryFile("windows.regua", Self.rules)
    let invoice = try ReguaBinary.temporaryFile("invoice.json", Self.invoice)
    var dates: Set<String> = []
    for zone in ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"] {
      let result = try ReguaBinary.run(
        ["plan", rules, "--invoice", invoice, "--on", "today", "--json"], environment: ["TZ": zone])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      dates.insert(try #require(object?["date"] as? String))
    }
    // Three runs a moment apart agree (unless New York's midnight falls between them).
    #expect(dates.count <= 2)
    var newYork = Calendar(identifier: .gregorian)
    newYork.timeZone = try #require(TimeZone(identifier: "America/New_York"))
    let parts = newYork.dateComponents([.year, .month, .day], from: Date())
    let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    #expect(dates.contains(expected))
  }

  @Test("a late call on a weekend is skipped with reason window and its retry")
  func skippedOnWeekend() throws {
    let rules = try ReguaBinary.temporaryFile(
      "windows.regua", Self.rules.replacingOccurrences(of: "  D0 email", with: "  catch up 5 days\n  D0 email"))
    let invoice = try ReguaBinary.temporaryFile(
      "invoice.json", Self.invoice.replacingOccurrences(of: "2026-03-06", with: "2026-03-10"))
    // D+1 is Wednesday the 11th; evaluated on Saturday the 14th, the call waits for Monday.
    let result = try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", "2026-03-14", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(#""reason":"window","retry":"2026-03-16","scheduled":"2026-03-11","step":"d+1-call""#))
    let table = try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", "2026-03-16"])
    #expect(table.stdout.contains("d+1-call"))
    #expect(table.stdout.contains("window 2026-03-16T16:00:00Z to 2026-03-17T01:00:00Z"))
  }
}
