import Testing

@testable import Regua

@Suite("Compiling cadences")
struct CompilerTests {
  static let specExample = """
    # Rules/b2b-standard.regua
    cadence "b2b-standard" version 3
      timezone "America/Sao_Paulo"
      calendar BR                    # business days and national holidays
      catch up 3 days                # a missed step may still fire up to 3 days late

      I+14  email "check-received"   # 14 days after issue: did the invoice arrive?
      D-3   email reminder           # 3 days before the due date
      D0    sms "due-today"
      D+1   email overdue
      D+7   whatsapp overdue-7
      D+14  call                    when balance >= 500.00
      D+30  letter registered "formal-notice"
      D+45  suspend service
      D+90  refer to agency "arm"   when balance >= 100.00
      D+120 write off

      pause when disputed
      pause when promised
      limit call 7 per 7 days
    """

  @Test("the specification's example compiles with its settings and default step ids")
  func specExampleCompiles() throws {
    let cadence = try Cadence(parsing: CompilerTests.specExample)
    #expect(cadence.name == "b2b-standard")
    #expect(cadence.version == 3)
    #expect(cadence.timeZone == "America/Sao_Paulo")
    #expect(cadence.calendar == "BR")
    #expect(cadence.catchUpDays == 3)
    #expect(
      cadence.steps.map(\.id) == [
        "i+14-email", "d-3-email", "d0-sms", "d+1-email", "d+7-whatsapp", "d+14-call", "d+30-letter", "d+45-suspend",
        "d+90-refer-to-agency", "d+120-write-off",
      ])
    #expect(cadence.steps[6].action == Action(.letter, arguments: ["registered", "formal-notice"]))
    #expect(cadence.steps[6].channel == "letter")
    #expect(cadence.steps[8].action == Action(.referToAgency, arguments: ["arm"]))
    #expect(cadence.steps[5].when?.description == "balance >= 500.00")
    #expect(cadence.pauseConditions.map(\.description) == ["disputed", "promised"])
    #expect(cadence.limits == [ContactLimit(channel: "call", count: 7, days: 7)])
  }

  @Test(
    "default ids use the canonical offset and the action keywords, never the arguments",
    arguments: [
      ("D+14 call", "d+14-call"), ("D+90 refer to agency \"arm\"", "d+90-refer-to-agency"),
      ("D+120 write off", "d+120-write-off"),
      ("D+30 letter registered \"x\"", "d+30-letter"), ("I+14 email x", "i+14-email"), ("D0 sms x", "d0-sms"),
      ("D+0 sms x", "d0-sms"), ("D-0 sms x", "d0-sms"), ("D+014 call", "d+14-call"), ("I+0 email x", "i0-email"),
      ("D-3 email reminder", "d-3-email"), ("D+5 notify slack \"#ar\"", "d+5-notify"), ("D+9 task team-a", "d+9-task"),
      ("D+2 fee 2%", "d+2-fee"), ("D+3 interest 1% per month", "d+3-interest"),
      ("D+1 call as first-call", "first-call"),
    ])
  func defaultIDs(line: String, id: String) throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  \(line)\n")
    #expect(cadence.steps.first?.id == id)
  }

  @Test("every action of the closed vocabulary parses, and only contacts have a channel")
  func vocabulary() throws {
    let lines = [
      "email a", "sms a", "whatsapp a", "call", "letter a", "notify slack a", "task a", "fee 2%",
      "interest 1% per month", "discount 2% until D-10",
      "offer a", "suspend a", "refer to agency a", "legal a", "write off",
    ]
    let text = "cadence \"t\"\n" + lines.enumerated().map { "  D+\($0.offset) \($0.element)\n" }.joined()
    let cadence = try Cadence(parsing: text)
    #expect(cadence.steps.map(\.action.kind) == ActionKind.allCases)
    #expect(
      cadence.steps.map(\.channel) == ["email", "sms", "whatsapp", "call", "letter", "slack"]
        + Array(repeating: nil, count: 9))
  }

  @Test("reserved words can be arguments when quoted")
  func quotedReserved() throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 email \"when\" \"as\" x\n")
    #expect(cadence.steps[0].action.arguments == ["when", "as", "x"])
  }

  @Test(
    "conditions print canonically with the fewest parentheses",
    arguments: [
      ("balance >= 500.00", "balance >= 500.00"),
      ("(balance >= 500) and (not tagged \"vip\")", "balance >= 500 and not tagged \"vip\""),
      ("not (disputed or promised)", "not (disputed or promised)"),
      ("disputed or promised and tagged \"x\"", "disputed or promised and tagged \"x\""),
      ("(disputed or promised) and tagged \"x\"", "(disputed or promised) and tagged \"x\""),
      ("customer.segment in [\"smb\",\"mid\"]", "customer.segment in [\"smb\", \"mid\"]"),
      ("days-overdue in [30, 60]", "days-overdue in [30, 60]"),
      ("500 <= balance", "500 <= balance"),
      ("balance > 10.00 USD", "balance > 10.00 USD"),
      ("customer.kind == \"company\" and amount != balance", "customer.kind == \"company\" and amount != balance"),
    ])
  func printing(source: String, canonical: String) throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 call when \(source)\n")
    let condition = try #require(cadence.steps[0].when)
    #expect(condition.description == canonical)
    // The canonical text compiles back to the same expression.
    let again = try Cadence(parsing: "cadence \"t\"\n  D+1 call when \(canonical)\n")
    #expect(again.steps[0].when == condition)
  }

  @Test("a number beside money is an amount; beside days-overdue a whole number")
  func literalTyping() throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 call when balance >= 500 and days-overdue > 3\n")
    #expect(
      cadence.steps[0].when?.expression
        == .and(
          .comparison(.field(.balance), .greaterOrEqual, .literal(.amount(ExactDecimal(500)))),
          .comparison(.field(.daysOverdue), .greater, .literal(.integer(3)))))
  }

  @Test("a file with several cadences compiles them all; a broken one is left out, and the file is not valid")
  func severalCadences() {
    let good = compile("cadence \"a\"\n  D0 email x\ncadence \"b\"\n  D0 sms y\n")
    #expect(good.cadences.map(\.name) == ["a", "b"])
    let broken = compile("cadence \"a\"\n  D0 email x\ncadence \"b\"\n  D0 smss y\ncadence \"c\"\n  D0 sms y\n")
    #expect(broken.cadences.map(\.name) == ["a", "c"])
    #expect(!broken.isValid)
  }

  @Test("the bundled rule files compile without diagnostics", arguments: ["b2b-standard.regua", "consumer.regua"])
  func bundledRules(name: String) throws {
    let file = try loadRuleFile(name)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(file.cadences.count == 1)
  }
}
