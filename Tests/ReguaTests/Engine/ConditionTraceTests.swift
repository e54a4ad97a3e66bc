import ReguaTesting
import Testing

@testable import Regua

@Suite("Condition traces")
struct ConditionTraceTests {
  /// The values of a 1000.00 BRL invoice due 2026-03-10 with a payment of 680.00, on 2026-03-22.
  func values(customer: Customer = Customer(id: "C-1", kind: .company, segment: "smb")) throws -> FieldValues {
    let invoice = try Invoice.make(due: "2026-03-10", customer: customer).paying("680.00", on: "2026-03-12")
    let schedule = try Schedule(cadence: Cadence(name: "c"), invoice: invoice)
    return FieldValues(
      invoice, ConditionInputs(alone: invoice, due: schedule.effectiveDue), on: day("2026-03-22").daysSinceEpoch)
  }

  func condition(_ text: String) throws -> Condition {
    let cadence = try rules("  D+1 call when \(text)\n")
    return try #require(cadence.steps.first?.when)
  }

  @Test("a comparison shows the field's value as the engine saw it, the literal, and its truth")
  func comparison() throws {
    let trace = try condition("balance >= 500.00").trace(try values())
    #expect(trace.line == "balance 320.00 >= 500.00 → false")
    #expect(trace.value == false)
    #expect(trace.operands.map(\.field) == [.balance, nil])
    #expect(try condition("days-overdue >= 10").trace(try values()).line == "days-overdue 12 >= 10 → true")
    #expect(try condition("tagged \"vip\"").trace(try values()).line == #"tagged "vip" → false"#)
    #expect(
      try condition("customer.segment in [\"smb\", \"retail\"]").trace(try values()).line
        == #"customer.segment "smb" in ["smb", "retail"] → true"#)
  }

  @Test("an amount with a currency shows both currencies, and a note when they differ")
  func currency() throws {
    let other = try condition("balance >= 100.00 EUR").trace(try values())
    #expect(other.line == "balance 320.00 BRL >= 100.00 EUR → false")
    #expect(other.notes == ["`100.00 EUR` is in EUR but the invoice is in BRL, so the comparison is false"])
    #expect(try condition("balance < 320.01 BRL").trace(try values()).line == "balance 320.00 BRL < 320.01 BRL → true")
  }

  @Test("`and` and `or` are short-circuit honest: a side that decides leaves the other unevaluated")
  func shortCircuit() throws {
    let and = try condition("balance >= 500.00 and customer.kind == \"company\"").trace(try values())
    #expect(and.value == false)
    #expect(
      and.children.map(\.line) == ["balance 320.00 >= 500.00 → false", #"customer.kind == "company" (not evaluated)"#])
    #expect(and.children[1].operands.isEmpty)
    let or = try condition("days-overdue > 5 or tagged \"vip\"").trace(try values())
    #expect(or.value == true)
    #expect(or.children.map(\.isEvaluated) == [true, false])
    let both = try condition("balance < 500.00 and not tagged \"vip\"").trace(try values())
    #expect(both.line == #"balance < 500.00 and not tagged "vip" → true"#)
    #expect(both.children.map(\.line) == ["balance 320.00 < 500.00 → true", #"not tagged "vip" → true"#])
    #expect(both.children[1].children.map(\.line) == [#"tagged "vip" → false"#])
  }

  @Test("every trace agrees with the engine's compiled conditions")
  func agreesWithEngine() throws {
    let texts = [
      "balance >= 500.00", "balance < 500.00 and tagged \"x\"", "days-overdue >= 10 or balance > 999.00",
      "not (customer.kind == \"person\")", "balance >= 100.00 EUR", "customer.segment in [\"smb\"]",
    ]
    for text in texts {
      let cadence = try rules("  D+1 call when \(text)\n")
      let invoice = try Invoice.make(due: "2026-03-10", customer: Customer(id: "C", kind: .company, segment: "smb"))
        .paying("680.00", on: "2026-03-12")
      let plan = try evaluate(cadence, invoice, on: day("2026-03-12"))
      // On 2026-03-12 the D+1 call is within its catch-up: it fires exactly when its `when` holds.
      let sameDay = FieldValues(
        invoice, ConditionInputs(alone: invoice, due: day("2026-03-10")), on: day("2026-03-12").daysSinceEpoch)
      #expect(try #require(cadence.steps[0].when).trace(sameDay).value == !plan.actions.isEmpty, "\(text)")
    }
  }

  @Test(
    "each part is named by where it is written in the condition",
    arguments: [
      "balance >= 500.00 and (tagged \"vip\" or not disputed) and customer.segment in [\"smb\", \"mid\"]",
      "not (customer.kind == \"person\" or balance > 999.00)", "(days-overdue > 5 and disputed) == false",
      "customer.segment == \"caf\u{e9} \u{1F600}\" or (balance < 1.00 and balance > 0.50 or tagged \"x\")",
    ])
  func spans(text: String) throws {
    let condition = try condition(text)
    let whole = Array(condition.description.unicodeScalars)
    let trace = condition.trace(try values())
    #expect(trace.span == 0..<whole.count)
    func check(_ trace: ConditionTrace) {
      guard let span = trace.span, span.lowerBound >= 0, span.upperBound <= whole.count else {
        Issue.record("no span inside the condition for \(trace.line)")
        return
      }
      var written = String.UnicodeScalarView()
      written.append(contentsOf: whole[span])
      #expect(String(written) == Condition(trace.expression).description)
      trace.children.forEach(check)
    }
    check(trace)
  }

  @Test("a part with parts of its own writes its connective, not its text again")
  func partLines() throws {
    let trace = try condition("balance < 500.00 and (tagged \"vip\" or not disputed)").trace(try values())
    #expect(trace.line == #"balance < 500.00 and (tagged "vip" or not disputed) → true"#)
    #expect(trace.partLine == "… and … → true")
    #expect(trace.children.map(\.partLine) == ["balance 320.00 < 500.00 → true", "… or … → true"])
    #expect(trace.children[1].children.map(\.partLine) == [#"tagged "vip" → false"#, "not disputed → true"])
    let skipped = try condition("balance > 500.00 and (tagged \"vip\" or disputed)").trace(try values())
    #expect(skipped.children[1].partLine == #"tagged "vip" or disputed (not evaluated)"#)
  }
}

extension ConditionInputs {
  /// The inputs of an invoice without charges, evaluated alone.
  init(alone invoice: Invoice, due: CivilDate) {
    self.init(
      timeline: InvoiceTimeline(invoice, effectiveDue: due), status: invoice.status, writeOffDay: .max,
      invariants: InvariantAnswers(ConditionProgram(), invoice: invoice))
  }
}
