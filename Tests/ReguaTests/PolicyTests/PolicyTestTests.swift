import Testing

@testable import Regua

@Suite("Test blocks in rule files")
struct PolicyTestTests {
  static let cadence = """
    cadence "mini" version 1
      D-3  email reminder
      D+1  email overdue
      D+14 call                 when balance >= 500.00
      D+30 suspend service
      pause when disputed
      limit call 1 per 7 days

    """

  static let sample = "cadence \"s\"\n  D+1 email overdue\n"

  func results(_ tests: String) -> (RuleFile, [PolicyTestResult]) {
    let file = compile(PolicyTestTests.cadence + tests)
    return (file, PolicyTestSuite.run([file]))
  }

  @Test("a passing test has no failures")
  func passing() {
    let (file, results) = results(
      """
      test "ok"
        invoice 1000.00 BRL due 2026-03-10
        on D-3 expect email reminder
        on D+1 expect d+1-email
        on D+14 expect call
        on D+14 expect no email
        on D+2 expect nothing
        on D+2 expect next D+14
        on D+30 expect suspend
        timeline from D-3 to D+14
          2026-03-07  D-3   email  reminder
          2026-03-11  D+1   email  overdue
          2026-03-24  D+14  call
      """)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(results.count == 1)
    #expect(results.first?.failures == [])
  }

  @Test(
    "each kind of expectation fails with the difference",
    arguments: [
      ("on D+14 expect no call", "on D+14 (2026-03-24): expected no `call`, but `d+14-call` (call) fires"),
      ("on D+13 expect call", "on D+13 (2026-03-23): expected `call`, but nothing fires"),
      (
        "on D+1 expect email reminder",
        "on D+1 (2026-03-11): expected `email reminder`, but only `d+1-email` (email overdue) fires"
      ),
      ("on D+1 expect nothing", "on D+1 (2026-03-11): expected nothing, but `d+1-email` (email overdue) fires"),
      ("on D+1 expect next D+13", "on D+1 (2026-03-11): expected next 2026-03-23, but next is 2026-03-24"),
      ("on D+14 expect skipped d+14-call", "on D+14 (2026-03-24): expected d+14-call skipped, but it fires"),
      (
        "on D+5 expect skipped d+1-email missed",
        "on D+5 (2026-03-15): expected d+1-email skipped (missed), but it is not due that day, or already done"
      ),
      (
        "on D+1 expect emial",
        "on D+1 (2026-03-11): `emial` is neither an action nor a step of cadence `mini`; did you mean `email`?"
      ),
      (
        "on D+1 expect skipped d+1-emial",
        "on D+1 (2026-03-11): `d+1-emial` is neither an action nor a step of cadence `mini`; did you mean `d+1-email`?"
      ),
    ])
  func failures(line: String, message: String) throws {
    let (file, results) = results("test \"t\"\n  invoice 1000.00 BRL due 2026-03-10\n  \(line)\n")
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let failure = try #require(results.first?.failures.first)
    #expect(failure.message == message)
    #expect(failure.position == SourcePosition(line: 10, column: 3))
  }

  @Test("a differing timeline fails at the line and column of the first entry that differs")
  func timelinePosition() throws {
    let (_, results) = results(
      """
      test "t"
        invoice 1000.00 BRL due 2026-03-10
        timeline from D-3 to D+14
          2026-03-07  D-3   email  reminder
             2026-03-12  D+1   email  overdue
          2026-03-24  D+14  call
      """)
    let failure = try #require(results.first?.failures.first)
    #expect(failure.position == SourcePosition(line: 12, column: 8))
    #expect(failure.message.hasPrefix("timeline from D-3 to D+14: the timeline differs at entry 2:"))
  }

  @Test("a skipped step's reason and detail are shown when an expected action does not fire")
  func skippedDetail() throws {
    let (_, results) = results(
      "test \"t\"\n  invoice 1000.00 BRL due 2026-03-10\n  status disputed\n  on D+14 expect call\n")
    let failure = try #require(results.first?.failures.first)
    #expect(
      failure.message == """
        on D+14 (2026-03-24): expected `call`, but nothing fires
          d+14-call is skipped (paused): The D+14 call is on hold: the invoice is disputed.
        """)
  }

  @Test("facts declared in a test shape the invoice: payments, promise, history, customer, tags, status")
  func facts() throws {
    let file = compile(
      PolicyTestTests.sample
        + """
        test "facts"
          invoice 1000.00 USD due 2026-03-10 issued D-20 id INV-9
          customer person segment retail id C-7
          tagged vip
          status disputed
          payment 100.00 on D+1
          promise by D+9 made 2026-03-12
          history d+1-email on D+1 channel email
          on D+2 expect nothing
        """)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let invoice = try #require(file.tests.first).invoice
    #expect(invoice.id == "INV-9")
    #expect(invoice.amount.description == "1000.00 USD")
    #expect(invoice.issued.description == "2026-02-18")
    #expect(invoice.customer == Customer(id: "C-7", kind: .person, segment: "retail"))
    #expect(invoice.tags == ["vip"])
    #expect(invoice.status == .disputed)
    #expect(invoice.payments.map(\.date.description) == ["2026-03-11"])
    #expect(invoice.promise == PromiseToPay(made: CivilDate("2026-03-12"), date: CivilDate("2026-03-19")!))
    #expect(invoice.history == [HistoryEntry(step: "d+1-email", date: CivilDate("2026-03-11")!, channel: .email)])
  }

  @Test(
    "mistakes in test blocks are diagnostics with a fix",
    arguments: [
      ("  invoice 10.00 BRL due 2026-03-10\n  on D+1 expct call", 10, 10, "expected `expect`"),
      ("  invoice 10.00 BRL due 2026-03-10\n  on D+1x expect call", 10, 6, "`D+1x` is not a date or an offset"),
      (
        "  invoice 10.00 BRL due 2026-02-30\n  on D+1 expect call", 9, 25,
        "`2026-02-30` does not exist: that month has 28 days"
      ),
      (
        "  invoice 10.00 BRL due 2026-03-10\n  paymnt 5.00 on D+1\n  on D+1 expect call", 10, 3,
        "unknown test line `paymnt`"
      ),
      ("  on D+1 expect call", 8, 1, "the test has no invoice"),
      ("  invoice 10.00 BRL due 2026-03-10", 8, 1, "the test expects nothing"),
      ("  invoice 10.00 BRL due 2026-03-10\n  on D+1 expect skipped d+1-email late", 10, 35, "unknown reason `late`"),
      (
        "  invoice 10.00 BRL due 2026-03-10\n  payment 5.001 on D+1\n  on D+1 expect call", 10, 3,
        "`5.001` has too many decimals for BRL; use at most 2 decimals"
      ),
      ("  invoice 10.00 BRL due D+3\n  on D+1 expect call", 9, 25, "the due date must be a date such as `2026-03-10`"),
    ])
  func diagnostics(body: String, line: Int, column: Int, message: String) throws {
    let file = compile(PolicyTestTests.cadence + "test \"t\"\n" + body + "\n")
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.message == message)
    #expect(diagnostic.range.start == SourcePosition(line: line, column: column))
  }

  @Test("timeline entries are taken literally: a `#` or a curly quote in them is not a lexical error")
  func literalTimeline() throws {
    let file = compile(
      "cadence \"n\"\n  D+1 notify slack \"#ar\"\ntest \"t\"\n  invoice 10.00 BRL due 2026-03-10\n  timeline\n    2026-03-11  D+1  notify  slack #ar\n"
    )
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(PolicyTestSuite.run([file]).first?.failures == [])
  }

  @Test("a test file X_test.regua tests the cadence of X.regua; `cadence NAME` picks any loaded one")
  func resolution() throws {
    let rules = RuleCompiler.compile(SourceFile(path: "dir/mini.regua", text: PolicyTestTests.cadence))
    let tests = RuleCompiler.compile(
      SourceFile(
        path: "dir/mini_test.regua", text: "test \"t\"\n  invoice 1000.00 BRL due 2026-03-10\n  on D+14 expect call\n"))
    #expect(PolicyTestSuite.run([tests, rules]).map(\.passed) == [true])
    let named = RuleCompiler.compile(
      SourceFile(
        path: "other.regua",
        text: "test \"t\"\n  cadence mini\n  invoice 1000.00 BRL due 2026-03-10\n  on D+14 expect call\n"))
    #expect(PolicyTestSuite.run([named, rules]).map(\.passed) == [true])
    let orphan = PolicyTestSuite.run([named])
    #expect(orphan.first?.failures.map(\.message) == ["no cadence named `mini` is loaded"])
  }
}
