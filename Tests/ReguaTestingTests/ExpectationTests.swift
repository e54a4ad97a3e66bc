import ReguaTesting
import Testing

@Suite("ReguaTesting helpers")
struct ExpectationTests {
  let cadence: Cadence
  let invoice: Invoice

  init() throws {
    cadence = try Cadence("consumer-lite", catchUp: 2) {
      Step(.due(-5), .email("upcoming")).unless(.tagged("autopay"))
      Step(.due(2), .email("missed-payment"))
      Step(.due(10), .call).when(.balance >= 200)
      Step(.due(35), .suspend("service"))
      Pause(when: .promised)
    }
    invoice = try Invoice.make(due: "2026-09-10", amount: "389.90", issued: "2026-08-25")
  }

  @Test("a matching timeline passes")
  func passing() throws {
    try expectTimeline(
      cadence, invoice, from: "D-5", to: "D+40",
      """
      2026-09-05  D-5   email    upcoming
      2026-09-12  D+2   email    missed-payment
      2026-09-20  D+10  call
      2026-10-15  D+35  suspend  service
      """)
  }

  @Test("white space and comments in the expectation do not matter")
  func lenient() throws {
    try expectTimeline(
      cadence, invoice.paying("389.90", on: "2026-09-15"),
      """
      # paid after the second email
      2026-09-05 D-5 email upcoming

      2026-09-12   D+2   email   missed-payment
      """)
  }

  @Test("a mismatch fails with both timelines side by side and the first difference marked")
  func failing() throws {
    let expected = """
      2026-09-05  D-5   email    upcoming
      2026-09-12  D+2   email    missed-payment
      2026-09-19  D+9   call
      2026-10-15  D+35  suspend  service
      """
    let report = """
      the timeline differs at entry 3:
          expected                            | actual
        1 2026-09-05 D-5 email upcoming       | 2026-09-05 D-5 email upcoming
        2 2026-09-12 D+2 email missed-payment | 2026-09-12 D+2 email missed-payment
      > 3 2026-09-19 D+9 call                 | 2026-09-20 D+10 call
        4 2026-10-15 D+35 suspend service     | 2026-10-15 D+35 suspend service
      """
    #expect(try timelineComparison(cadence, invoice, from: "D-5", to: "D+40", expected: expected).report == report)
    try withKnownIssue {
      try expectTimeline(cadence, invoice, from: "D-5", to: "D+40", expected)
    } matching: { issue in
      issue.comments.map(\.rawValue) == [report]
    }
  }

  @Test("a missing entry shows as (nothing)")
  func missingEntry() throws {
    let comparison = try timelineComparison(
      cadence, invoice.paying("389.90", on: "2026-09-11"),
      expected: "2026-09-05 D-5 email upcoming\n2026-09-12 D+2 email missed-payment")
    #expect(
      comparison.report == """
        the timeline differs at entry 2:
            expected                            | actual
          1 2026-09-05 D-5 email upcoming       | 2026-09-05 D-5 email upcoming
        > 2 2026-09-12 D+2 email missed-payment | (nothing)
        """)
  }

  @Test("plans on offsets of the invoice", arguments: [("D+2", []), ("D+10", ["d+10-call"]), ("D+3", [])])
  func offsets(offset: String, steps: [String]) throws {
    let plan = try Evaluator(cadence).plan(for: invoice.recording("d+2-email", on: "2026-09-12"), on: offset)
    #expect(plan.actions.map(\.step) == steps)
  }

  @Test(
    "offsets name dates of the invoice",
    arguments: [
      ("D+14", "2026-09-24"), ("D-3", "2026-09-07"), ("D0", "2026-09-10"), ("I+5", "2026-08-30"),
      ("2026-01-02", "2026-01-02"),
    ])
  func dates(offset: String, date: String) throws {
    #expect(try invoice.date(at: offset).description == date)
  }

  @Test(
    "a malformed offset or fixture is an error, not a trap", arguments: ["D14", "d+1", "X+1", "D+99999", "2026-02-30"])
  func badOffsets(text: String) {
    #expect(throws: CivilDateError.self) { try invoice.date(at: text) }
  }
}

@Suite("ReguaTesting: amounts owed")
struct OwedExpectationTests {
  @Test("the amount owed after simulating, total or one component, to the cent")
  func owed() throws {
    let cadence = try Cadence("juros", catchUp: 2) {
      Step(.due(1), .fee("2%")).as("multa")
      Step(.due(1), .interest("1%", "per", "month")).as("juros")
    }
    let invoice = try Invoice.make(due: "2026-03-10", amount: "1000.00", issued: "2026-03-01")
    try expectOwed(cadence, invoice, on: "D+30", "1030.00")
    try expectOwed(cadence, invoice, on: "D+30", "10.00", component: .interest)
    try expectOwed(cadence, invoice, on: "2026-04-09", "20.00", component: .fees)
    // A cent off is a failure that says what is owed.
    try withKnownIssue {
      try expectOwed(cadence, invoice, on: "D+30", "1030.01")
    } matching: { issue in
      issue.comments.map(\.rawValue)
        == [
          "on D+30 (2026-04-09): expected total 1030.01, but it is 1030.00 (1030.00 BRL (principal 1000.00 + fees 20.00 + interest 10.00))"
        ]
    }
  }
}
