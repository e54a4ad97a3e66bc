import Testing

@testable import Regua

/// `fallback` channels and the customer's preferred channels: the one place a step's channel is
/// chosen per customer.
@Suite("Fallback and preferred channels")
struct FallbackChannelTests {
  static func invoice(_ id: String = "I-1", customer: Customer) throws -> Invoice {
    try Invoice(
      id: id, amount: Money(parsing: "100.00", currency: .brl), issued: day("2026-03-01"), due: day("2026-03-10"),
      customer: customer)
  }

  static func plan(_ rules: String, customer: Customer, on date: String = "2026-03-11") throws -> ActionPlan {
    try Evaluator(Cadence(parsing: "cadence \"c\"\n" + rules)).plan(for: invoice(customer: customer), on: day(date))
  }

  @Test("an SMS opt-out falls back to e-mail, with the step's template")
  func smsFallsBackToEmail() throws {
    let rules = "  D+1 sms \"lembrete\" fallback email\n"
    let optedOut = try FallbackChannelTests.plan(rules, customer: Customer(id: "C", optOuts: [.sms]))
    let action = try #require(optedOut.actions.first)
    #expect(action.step == "d+1-sms")
    #expect(action.action == .email)
    #expect(action.channel == .email)
    #expect(action.arguments == ["lembrete"])
    #expect(optedOut.skipped.isEmpty)
    // A customer who accepts texts gets the text.
    let plain = try FallbackChannelTests.plan(rules, customer: Customer(id: "C"))
    #expect(plain.actions.map(\.channel) == [.sms])
    #expect(plain.actions.map(\.action) == [.sms])
  }

  @Test(
    "the customer's preferred channels choose among the step's own and its fallbacks, never beyond them",
    arguments: [
      ("  D+1 email x fallback whatsapp\n", [Channel.whatsapp], Channel.whatsapp),
      ("  D+1 email x fallback [sms, whatsapp]\n", [.whatsapp, .sms], .whatsapp),
      ("  D+1 email x fallback [sms, whatsapp]\n", [.letter, .sms], .sms),
      ("  D+1 email x fallback [sms, whatsapp]\n", [.letter], .email),
      ("  D+1 email x\n", [.whatsapp], .email),
    ])
  func preferred(rules: String, channels: [Channel], expected: Channel) throws {
    let plan = try FallbackChannelTests.plan(rules, customer: Customer(id: "C", preferredChannels: channels))
    #expect(plan.actions.map(\.channel) == [expected])
  }

  @Test("a preferred channel the customer opted out of is passed over")
  func preferredButOptedOut() throws {
    let plan = try FallbackChannelTests.plan(
      "  D+1 email x fallback [sms, whatsapp]\n",
      customer: Customer(id: "C", preferredChannels: [.sms, .whatsapp], optOuts: [.sms]))
    #expect(plan.actions.map(\.channel) == [.whatsapp])
  }

  @Test("when every channel of the step is opted out, the contact is skipped as `opted-out` on its own")
  func everyChannelOptedOut() throws {
    let plan = try FallbackChannelTests.plan(
      "  D+1 sms x fallback email\n", customer: Customer(id: "C", optOuts: [.sms, .email]))
    #expect(plan.actions.isEmpty)
    #expect(plan.skipped.map(\.reason) == [.optedOut])
    #expect(plan.skipped.first?.detail.contains("sms") == true)
  }

  @Test("a host channel is a fallback written `notify NAME`, and the action becomes a `notify`")
  func hostChannel() throws {
    let plan = try FallbackChannelTests.plan(
      "  D+1 email aviso fallback notify push\n", customer: Customer(id: "C", optOuts: [.email]))
    let action = try #require(plan.actions.first)
    #expect(action.action == .notify)
    #expect(action.arguments == ["push", "aviso"])
    #expect(action.channel?.name == "push")
  }

  @Test("in an account, a contact moved to e-mail merges with the e-mails of the day")
  func mergesOnTheChosenChannel() throws {
    let cadence = try Cadence(
      parsing: """
        cadence "c"
          D+1 sms lembrete fallback email
          D+2 email aviso

        """)
    let customer = Customer(id: "C", optOuts: [.sms])
    let first = try Invoice(
      id: "A", amount: Money(parsing: "100.00", currency: .brl), issued: day("2026-03-01"), due: day("2026-03-10"))
    let second = try Invoice(
      id: "B", amount: Money(parsing: "100.00", currency: .brl), issued: day("2026-03-01"), due: day("2026-03-09"))
    let plan = try Evaluator(cadence).plan(
      for: Account(customer: customer, invoices: [first, second]), on: day("2026-03-11"))
    #expect(plan.actions.count == 1)
    let action = try #require(plan.actions.first)
    #expect(action.id == "C/email/2026-03-11")
    #expect(
      action.covers == [CoveredStep(invoice: "A", step: "d+1-sms"), CoveredStep(invoice: "B", step: "d+2-email")])
  }

  @Test(
    "`fallback` is checked where it is written",
    arguments: [
      ("  D+1 task t fallback email\n", "bad-fallback"), ("  D+1 email a fallback email\n", "bad-fallback"),
      ("  D+1 email a fallback [sms, sms]\n", "bad-fallback"), ("  D+1 email a fallback fax\n", "bad-channel"),
      ("  D+1 email a fallback sms fallback call\n", "duplicate-option"),
      ("  D+1 email a fallback [sms call]\n", "unexpected-token"),
    ])
  func errors(rules: String, code: String) {
    let file = RuleCompiler.compile(SourceFile(path: "x.regua", text: "cadence \"c\"\n" + rules))
    #expect(file.diagnostics.map(\.code) == [code], "\(file.diagnostics)")
  }

  @Test(
    "the formatter keeps `fallback`, and quotes a template argument spelled like it",
    arguments: [
      ("  D+1 sms  x   fallback   [whatsapp,email]\n", "  D+1 sms x fallback [whatsapp, email]\n"),
      ("  D+1 sms x fallback notify push when balance > 0\n", "  D+1 sms x fallback notify push when balance > 0\n"),
      ("  D+1 email \"fallback\"\n", "  D+1 email \"fallback\"\n"),
    ])
  func formatted(source: String, expected: String) throws {
    let text = "cadence \"c\"\n" + source
    let formatted = try RuleFormatter.format(SourceFile(path: "x.regua", text: text)).get()
    #expect(formatted == "cadence \"c\"\n" + expected)
  }

  @Test("the builder's `fallback` is checked like the rule file's")
  func builder() throws {
    let cadence = try Cadence("c") {
      Step(.due(1), .sms("x")).fallback(.email)
    }
    #expect(cadence.steps[0].fallbacks == [.email])
    #expect(throws: (any Error).self) {
      try Cadence("c") { Step(.due(1), .task("t")).fallback(.email) }
    }
  }
}
