import Foundation
import ReguaTesting
import Testing

@testable import Regua

@Suite("Explanations")
struct ExplanationTests {
  let cadence: Cadence

  init() throws {
    cadence = try rules(
      """
        catch up 2 days
        D-3  email reminder
        D+1  email overdue
        D+7  whatsapp overdue-7
        D+14 call                when balance >= 500.00
        D+30 suspend service     unless tagged "vip"
        pause when promised
        limit call 1 per 7 days

      """)
  }

  func outcome(_ explanation: Explanation, _ id: String) -> StepStatus? {
    explanation.steps.first { $0.id == id }?.outcome
  }

  @Test("every step is listed in declaration order with its outcome, and the plan is the plan")
  func everyStep() throws {
    let invoice = try Invoice.make(due: "2026-03-10").recording("d-3-email", on: "2026-03-07")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-11"))
    #expect(try explanation.plan == evaluate(cadence, invoice, on: day("2026-03-11")))
    #expect(explanation.steps.map(\.id) == ["d-3-email", "d+1-email", "d+7-whatsapp", "d+14-call", "d+30-suspend"])
    #expect(outcome(explanation, "d-3-email") == .done(day("2026-03-07")))
    guard case .fires(let action) = outcome(explanation, "d+1-email") else {
      Issue.record("d+1-email should fire")
      return
    }
    #expect(action.step == "d+1-email")
    #expect(action.late == 0)
    #expect(outcome(explanation, "d+14-call") == .upcoming)
    // A future step's conditions are traced on today's values, as a preview.
    #expect(explanation.steps[3].when?.line == "balance 1000.00 >= 500.00 → true")
    #expect(explanation.nextActions.map(\.step) == ["d+7-whatsapp"])
    #expect(explanation.plan.next == day("2026-03-17"))
  }

  @Test("an invoice without a customer says so on the customer line")
  func noCustomer() throws {
    let invoice = try Invoice(
      json: Data(#"{"id":"N","amount":"10.00","currency":"BRL","issued":"2026-03-01","due":"2026-03-10"}"#.utf8))
    let report = try Evaluator(cadence).explain(invoice, on: fixtureDate("2026-03-12")).report
    #expect(report.contains("\ncustomer none · tags none\n"), "\(report)")
  }

  @Test("a skip for a condition carries the trace the engine judged it by")
  func conditionTrace() throws {
    let invoice = try Invoice.make(due: "2026-03-10").paying("700.00", on: "2026-03-12")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-24"))
    let call = try #require(explanation.steps.first { $0.id == "d+14-call" })
    #expect(call.outcome.skipReason == .condition)
    #expect(call.when?.line == "balance 300.00 >= 500.00 → false")
    #expect(call.isNewSkip, "scheduled today, so news today")
    let whatsapp = try #require(explanation.steps.first { $0.id == "d+7-whatsapp" })
    #expect(whatsapp.outcome.skipReason == .missed)
    #expect(!whatsapp.isNewSkip, "missed since 2026-03-20")
    #expect(whatsapp.when == nil, "the engine did not look at conditions of a missed step")
  }

  @Test("a missed step says what held it on each day it could still go out")
  func missedHeld() throws {
    let invoice = try Invoice.make(due: "2026-03-10").promising(by: "2026-03-18", madeOn: "2026-03-15")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-20"))
    let whatsapp = try #require(explanation.steps.first { $0.id == "d+7-whatsapp" })
    #expect(whatsapp.outcome.skipReason == .missed)
    #expect(whatsapp.isNewSkip, "due yesterday, missed today")
    #expect(
      whatsapp.held?.map { "\($0.from)…\($0.through) \($0.hold?.reason.rawValue ?? "nothing")" } == [
        "2026-03-17…2026-03-18 paused", "2026-03-19…2026-03-19 nothing",
      ])
    // Before the promise, the D+1 email could go out and nothing held it: the host did not send it.
    let email = try #require(explanation.steps.first { $0.id == "d+1-email" })
    #expect(email.held?.map(\.hold) == [nil])
  }

  /// A pause on every other day of a 60-day catch-up holds a missed step in 60 runs: listed
  /// whole, an explanation grew with steps × days.
  @Test("a missed step lists its first twelve runs of held days and counts the others")
  func heldRunsAreCapped() throws {
    let odd = (0..<60).map { String(2 * $0 + 1) }.joined(separator: ", ")
    let cadence = try rules(
      """
        catch up 120 days
        D+1 email overdue
        pause when days-overdue in [\(odd)]

      """)
    let invoice = try Invoice.make(due: "2026-03-10")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-07-20"))
    let email = try #require(explanation.steps.first)
    #expect(email.outcome.skipReason == .missed)
    let held = try #require(email.held)
    #expect(held.count == StepExplanation.heldRunsListed)
    #expect(held.first?.from == day("2026-03-11"))
    // D+1 to D+121: paused on odd days-overdue through 119, free on even ones and after:
    // 119 runs of one day and a last run from D+120, 120 runs in all.
    #expect(email.heldRunsOmitted == 120 - StepExplanation.heldRunsListed)
    let report = explanation.report
    #expect(report.contains("… and 108 more runs of days"))
    #expect(report.contains("it could go out from 2026-03-11, but:"))
    #expect(explanation.jsonLine.contains("\"held-omitted\":108"))
  }

  @Test("asked for today's news only, an older missed step does not say what held it")
  func heldScope() throws {
    let invoice = try Invoice.make(due: "2026-03-10")
    let evaluator = try Evaluator(cadence)
    let news = try evaluator.explain(invoice, on: day("2026-03-20"), held: .newSkips)
    let all = try evaluator.explain(invoice, on: day("2026-03-20"), held: .all)
    // D+1 (2026-03-11) was missed from 2026-03-14: old news; D+7 (2026-03-17) is missed today.
    let oldNews = try #require(news.steps.first { $0.id == "d+1-email" })
    #expect(oldNews.held == nil, "not computed: it says nothing of the step's days")
    #expect(all.steps.first { $0.id == "d+1-email" }?.held?.count == 1)
    #expect(news.steps.first { $0.id == "d+7-whatsapp" }?.held == all.steps.first { $0.id == "d+7-whatsapp" }?.held)
    #expect(news.steps.first { $0.id == "d+7-whatsapp" }?.held?.isEmpty == false)
  }

  @Test("a full limit says how many contacts it counts and when it has room again")
  func limitWindow() throws {
    let invoice = try Invoice.make(due: "2026-03-10").recording("manual", on: "2026-03-20", channel: "call")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-24"))
    let window = try #require(explanation.limits.first)
    #expect(window.used == 1)
    #expect(window.isFull)
    #expect(window.from == day("2026-03-18"))
    #expect(window.frees == day("2026-03-27"))
    #expect(outcome(explanation, "d+14-call")?.skipReason == .limited)
    #expect(
      window.description
        == "1 of 1 call contact since 2026-03-18 (limit call 1 per 7 days); full, room again on 2026-03-27")
  }

  /// A missed D-3 e-mail, on 2026-03-09 (missed since 2026-03-08: old news): its days come after
  /// the issue date (issued 2026-02-22, 13 days before them) or all before it (issued
  /// 2026-03-08).
  static let heldCases: [(issued: String, allBeforeIssue: Bool)] = [("2026-02-22", false), ("2026-03-08", true)]

  @Test(
    "a missed step's report says its days fell before the issue date only when they did, whatever was computed",
    arguments: HeldDaysScope.allCases)
  func heldSentence(scope: HeldDaysScope) throws {
    let cadence = try rules("  catch up 0 days\n  D-3 email reminder\n")
    let claim = "Its days all fell before the invoice was issued."
    for (issued, allBeforeIssue) in ExplanationTests.heldCases {
      let invoice = try Invoice.make(due: "2026-03-10", issued: issued)
      let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-09"), held: scope)
      let step = try #require(explanation.steps.first)
      #expect(step.outcome.skipReason == .missed)
      #expect(!step.isNewSkip)
      for report in [explanation.report, explanation.planReport(everySkip: true)] {
        if report.contains(claim) {
          #expect(allBeforeIssue, "issued \(issued), \(scope): \(report)")
        }
        if scope == .all {
          #expect(report.contains(claim) == allBeforeIssue, "issued \(issued): \(report)")
        }
      }
      // What the model says: computed (empty exactly when every day fell before the issue), or not.
      switch scope {
      case .all: #expect(step.held?.isEmpty == allBeforeIssue)
      case .newSkips: #expect(step.held == nil)
      }
    }
  }

  @Test("a count of one reads singular: 1 day late")
  func singularDays() throws {
    let cadence = try rules("  catch up 0 days\n  D-3 email reminder\n  D+1 call\n")
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-02-22")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-03-08"))
    guard case .skipped(let skip) = explanation.steps[0].outcome else {
      Issue.record("the D-3 email should be missed")
      return
    }
    #expect(skip.detail.contains("is now 1 day late; contacts go out at most 0 days late"))
    #expect(!explanation.report.contains(" 1 days"))
    let late = try #require(
      try evaluate(try rules("  catch up 2 days\n  D+1 call\n"), invoice, on: day("2026-03-12")).actions.first)
    #expect(StepStatus.fires(late).description == "fires today, 1 day late")
  }

  @Test("the pause that holds collection, the promise, and the stop are reported")
  func pauseAndStop() throws {
    let promised = try Invoice.make(due: "2026-03-10").promising(by: "2026-03-20", madeOn: "2026-03-05")
    let paused = try Evaluator(cadence).explain(promised, on: day("2026-03-11"))
    #expect(paused.pause == 0)
    #expect(paused.pauseRules.map(\.line) == ["promised → true"])
    #expect(paused.promise?.date == day("2026-03-20"))
    let paid = try Invoice.make(due: "2026-03-10").paying("1000.00", on: "2026-03-09")
    let stopped = try Evaluator(cadence).explain(paid, on: day("2026-03-11"))
    #expect(stopped.stop == .paid)
    #expect(stopped.pause == nil)
    #expect(stopped.nextActions.isEmpty)
  }

  @Test("before the issue date nothing is due")
  func beforeIssue() throws {
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let explanation = try Evaluator(cadence).explain(invoice, on: day("2026-02-01"))
    #expect(explanation.steps.allSatisfy { $0.outcome == .upcoming })
    let early = try Evaluator(try rules("  D-30 email early\n")).explain(invoice, on: day("2026-02-20"))
    #expect(early.steps.map(\.outcome) == [.notIssued])
  }
}

extension StepStatus {
  var skipReason: SkipReason? {
    if case .skipped(let skip) = self { return skip.reason }
    return nil
  }
}

@Suite("A step's status in words")
struct StepStatusDescriptionTests {
  @Test(
    "each status reads as a few words",
    arguments: [
      (StepStatus.upcoming, "upcoming"), (.notIssued, "not issued"), (.unscheduled, "no date"),
      (.done(CivilDate(daysSinceEpoch: 20_523)), "done 2026-03-11"),
    ])
  func description(status: StepStatus, words: String) {
    #expect(status.description == words)
  }
}

@Suite("An explanation's parts in words")
struct ExplanationDescriptionTests {
  @Test("runs of held days, operands and steps read as a few words, not as a dump")
  func words() throws {
    let first = CivilDate(daysSinceEpoch: 20_523)
    let third = CivilDate(daysSinceEpoch: 20_525)
    #expect(HeldDays(from: first, through: third, hold: nil).description == "2026-03-11 to 2026-03-13: nothing held it")
    #expect(HeldDays(from: first, through: first, hold: nil).description == "2026-03-11: nothing held it")
    #expect(TracedOperand(field: .daysOverdue, value: .integer(12)).description == "days-overdue 12")
    #expect(TracedValue.text("smb").description == #""smb""#)
    let step = Step(id: "d+1-email", offset: .due(1), action: Action(.email, arguments: ["overdue"]))
    #expect(
      StepExplanation(step: step, id: "d+1-email", scheduled: first, outcome: .upcoming).description
        == "d+1-email: upcoming")
  }
}
