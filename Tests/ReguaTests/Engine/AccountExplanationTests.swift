import Foundation
import Testing

@testable import Regua

/// `explain` of an account: each invoice as the account decides it.
@Suite("Account explanations")
struct AccountExplanationTests {
  static func explanation(
    _ invoices: [Invoice], on date: String, rules: String = AccountPlanTests.rules
  ) throws -> AccountExplanation {
    try AccountPlanTests.evaluator(rules).explain(AccountPlanTests.account(invoices), on: day(date))
  }

  static func step(_ explanation: AccountExplanation, _ invoice: String, _ id: String) -> StepExplanation? {
    explanation.invoices.first { $0.plan.invoice == invoice }?.steps.first { $0.id == id }
  }

  @Test("a merged contact fires in every invoice it covers, and says whose step was chosen")
  func merged() throws {
    // INV-2's D+1 e-mail is two days late on the 13th; INV-1's is due then: INV-1's is the latest.
    let explanation = try Self.explanation(
      [try AccountPlanTests.invoice("INV-1", due: "2026-03-12"), try AccountPlanTests.invoice("INV-2")],
      on: "2026-03-13")
    let action = try #require(explanation.plan.actions.first { $0.channel?.name == "email" })
    #expect(action.id == "C-42/email/2026-03-13")
    for invoice in ["INV-1", "INV-2"] {
      #expect(Self.step(explanation, invoice, "d+1-email")?.outcome == .fires(action))
    }
    #expect(explanation.chosen[action.id] == CoveredStep(invoice: "INV-1", step: "d+1-email"))
    let report = explanation.report
    #expect(report.contains("INVOICE INV-1") && report.contains("INVOICE INV-2"))
    #expect(
      report.contains(
        "merged with INV-2 (d+1-email) into C-42/email/2026-03-13; this step chosen (the latest scheduled, then declared last, then the greater invoice id)"
      ))
    #expect(
      report.contains(
        "merged with INV-1 (d+1-email) into C-42/email/2026-03-13; step d+1-email of INV-1 chosen (the latest scheduled, then declared last, then the greater invoice id)"
      ))
    // Each invoice's share of the plan: the actions that cover it and its own skips.
    #expect(explanation.invoices.allSatisfy { $0.plan.actions.contains(action) })
    #expect(
      explanation.invoices.allSatisfy { share in share.plan.skipped.allSatisfy { $0.invoice == share.plan.invoice } })
  }

  @Test("limits count the whole account: the call another invoice made holds this one's, and the window says so")
  func limits() throws {
    let rules = AccountPlanTests.rules.replacingOccurrences(of: "call 7 per 7 days", with: "call 1 per 7 days")
    let explanation = try Self.explanation(
      [
        try AccountPlanTests.invoice("INV-1", due: "2026-03-09", history: [("d+3-call", "2026-03-12")]),
        try AccountPlanTests.invoice("INV-2"),
      ],
      on: "2026-03-13", rules: rules)
    guard case .skipped(let skip) = Self.step(explanation, "INV-2", "d+3-call")?.outcome else {
      Issue.record("INV-2's call is not skipped")
      return
    }
    #expect(skip.reason == .limited)
    #expect(explanation.limits.map(\.used) == [1])
    #expect(explanation.limits.first?.frees == day("2026-03-19"))
    // Listed once, for the account, not per invoice.
    #expect(explanation.invoices.allSatisfy { $0.limits.isEmpty && $0.waits.isEmpty && $0.nextActions.isEmpty })
    #expect(explanation.report.components(separatedBy: "LIMITS").count == 2)
  }

  @Test("conditions read the account fields, and skips are news against the account's plan of the day before")
  func accountValues() throws {
    let rules = """
      cadence "accounts"
        D+1   email overdue when account.open-invoices >= 3
        D+3   call

      """
    let invoices = try ["INV-1", "INV-2"].map { try AccountPlanTests.invoice($0) }
    let explanation = try Self.explanation(invoices, on: "2026-03-11", rules: rules)
    let email = try #require(Self.step(explanation, "INV-1", "d+1-email"))
    #expect(email.outcome.description == "skipped (condition)")
    #expect(email.when?.line.contains("account.open-invoices 2 >= 3") == true)
    #expect(email.isNewSkip)
    #expect(explanation.invoices.first?.values.account.openInvoices == 2)
    let dayAfter = try Self.explanation(invoices, on: "2026-03-12", rules: rules)
    #expect(Self.step(dayAfter, "INV-1", "d+1-email")?.isNewSkip == false)
    #expect(dayAfter.nextActions.map(\.id) == ["C-42/call/2026-03-13"])
  }

  @Test("the JSON holds the account's plan as plan --json writes it, and each invoice's explanation")
  func json() throws {
    let invoices = try ["INV-1", "INV-2"].map { try AccountPlanTests.invoice($0) }
    let explanation = try Self.explanation(invoices, on: "2026-03-11")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(explanation.jsonLine.utf8)) as? [String: Any])
    #expect(object["customer"] as? String == "C-42")
    #expect((object["invoices"] as? [[String: Any]])?.compactMap { $0["invoice"] as? String } == ["INV-1", "INV-2"])
    #expect(explanation.jsonLine.contains(#""plan":"# + explanation.plan.jsonLine))
    let chosen = try #require(object["chosen"] as? [String: [String: String]])
    #expect(chosen["C-42/email/2026-03-11"] == ["invoice": "INV-2", "step": "d+1-email"])
  }

  @Test("today's charges count in each invoice's amounts as in the account's balances")
  func charges() throws {
    let rules = """
      cadence "fees"
        D+1 fee 2% as multa
        D+1 email overdue

      """
    let invoices = try ["INV-1", "INV-2"].map { try AccountPlanTests.invoice($0) }
    let explanation = try Self.explanation(invoices, on: "2026-03-11", rules: rules)
    for invoice in explanation.invoices {
      let owed = try #require(invoice.amounts?.owed)
      #expect(owed.fees.description == "2.00 BRL")
      #expect(owed == explanation.plan.balances[invoice.plan.invoice])
    }
  }
}
