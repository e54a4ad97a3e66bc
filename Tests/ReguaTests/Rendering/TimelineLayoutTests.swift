import ReguaTesting
import Testing

@testable import Regua

@Suite("Timeline layout")
struct TimelineLayoutTests {
  @Test("every step of the bundled cadences gets one mark, in the lane of its channel")
  func oneMarkPerStep() throws {
    for name in ["b2b-standard.regua", "consumer.regua"] {
      let cadence = try #require(try loadRuleFile(name).cadences.first)
      let layout = TimelineLayout(cadence: cadence)
      #expect(layout.marks.map(\.step.id) == cadence.steps.map(\.id))
      for mark in layout.marks {
        let lane = layout.lanes[mark.lane].kind
        #expect(lane == (mark.step.channel.map { .channel($0) } ?? .actions), "\(mark.step.id)")
      }
    }
  }

  @Test("marks and labels of one lane never overlap: steps on one day stack into rows")
  func stacksWithoutOverlap() throws {
    let cadence = try renderingCadence(
      """
      cadence "busy"
        D+1 email a
        D+1 email b as second
        D+1 email c as third
        D+1 email d as fourth
        D+2 email e
        D+1 fee 2%
        D+1 suspend service
      """)
    let layout = TimelineLayout(cadence: cadence)
    let emails = layout.marks.filter { $0.step.channel == "email" }
    #expect(Set(emails.filter { $0.day == 1 }.map(\.row)).count == 4)
    for lane in layout.lanes.indices {
      let marks = layout.marks.filter { $0.lane == lane }
      for (index, a) in marks.enumerated() {
        for b in marks.dropFirst(index + 1) where a.row == b.row {
          let (left, right) = a.x <= b.x ? (a, b) : (b, a)
          let end = left.x + 10 + Double(left.label.shown.count) * 7.2
          #expect(end < right.x - 6, "\(left.step.id) overlaps \(right.step.id)")
        }
      }
    }
    #expect(layout.lanes.map(\.rows) == [5, 2])
  }

  @Test("a far offset compresses the gap before it, leaving the first days to scale")
  func farOffsetsAreCompressed() throws {
    let cadence = try renderingCadence(
      """
      cadence "long"
        D-3 email reminder
        D0 sms today
        D+10 email overdue
        D+3650 write off
      """)
    let layout = TimelineLayout(cadence: cadence)
    let axis = layout.axis
    // Days to scale: 3 + 10 + 31 (the long gap, counted as a month), spread over the target width.
    #expect(abs(axis.pixelsPerDay - TimelineAxis.targetWidth / 44) < 0.001)
    #expect(abs(axis.x(ofDay: 10) - axis.x(ofDay: 0) - 10 * axis.pixelsPerDay) < 0.001)
    #expect(abs(axis.x(ofDay: 0) - axis.x(ofDay: -3) - 3 * axis.pixelsPerDay) < 0.001)
    #expect(axis.breaks.count == 1)
    #expect(axis.x(ofDay: 3650) - axis.x(ofDay: 10) < 1000)
    #expect(layout.width < 1200)
  }

  @Test("long arguments are cut with an ellipsis and kept whole for the tooltip")
  func longArgumentsAreCut() throws {
    let long = String(repeating: "very-long-template-name-", count: 20)
    let cadence = Cadence(name: "long", steps: [Step(offset: .due(1), action: Action(.email, arguments: [long]))])
    let mark = try #require(TimelineLayout(cadence: cadence).marks.first)
    #expect(mark.label.isTruncated)
    #expect(mark.label.shown.count == 34)
    #expect(mark.label.shown.hasSuffix("…"))
    #expect(mark.label.full == "D+1 email " + long)
  }

  @Test("a long cadence keeps at least the least scale; days one apart are still a mark apart")
  func scale() throws {
    let cadence = try renderingCadence(
      """
      cadence "long"
        D0 email a
        D+1 email b
        D+30 email c
        D+60 email d
        D+90 email e
        D+120 email f
      """)
    let axis = TimelineLayout(cadence: cadence).axis
    #expect(axis.pixelsPerDay == TimelineAxis.minimumPixelsPerDay)
    #expect(axis.x(ofDay: 1) - axis.x(ofDay: 0) > 2 * TimelineMetrics.markRadius)
  }

  @Test("a cadence of one channel draws one lane")
  func oneLane() throws {
    let cadence = try renderingCadence(
      """
      cadence "emails"
        D-3 email reminder
        D+1 email overdue
      """)
    let layout = TimelineLayout(cadence: cadence)
    #expect(layout.lanes.map(\.kind) == [.channel("email")])
    #expect(layout.marks.count == 2)
  }

  @Test("I+N steps are placed from an assumed issue date without an invoice, from the real one with")
  func issueSteps() throws {
    let cadence = try renderingCadence(
      """
      cadence "issue"
        I+14 email "check-received"
        D+1 email overdue
      """)
    let alone = TimelineLayout(cadence: cadence)
    #expect(alone.marks.first?.day == 14 - TimelineLayout.defaultAssumedTermDays)
    #expect(alone.issueDay == -TimelineLayout.defaultAssumedTermDays)
    #expect(TimelineLayout(cadence: cadence, assumedTermDays: 10).marks.first?.day == 4)
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let drawn = try TimelineLayout(cadence: cadence, invoice: invoice)
    #expect(drawn.marks.first?.day == 5)
    #expect(drawn.marks.first?.date == CivilDate("2026-03-15"))
  }

  @Test("with an invoice, each step carries what the simulation did with it")
  func outcomes() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let layout = try TimelineLayout(cadence: cadence, invoice: invoice)
    func outcome(_ step: String) -> StepOutcome? { layout.marks.first { $0.step.id == step }?.outcome }
    guard case .recorded(let entry) = outcome("d-3-email") else {
      Issue.record("d-3-email is not recorded: \(String(describing: outcome("d-3-email")))")
      return
    }
    let recordedOn = try fixtureDate("2026-03-07")
    #expect(entry.step == "d-3-email" && entry.date == recordedOn)
    guard case .fired(let fired) = outcome("d+14-call") else {
      Issue.record("d+14-call did not fire: \(String(describing: outcome("d+14-call")))")
      return
    }
    let firedOn = try fixtureDate("2026-03-24")
    #expect(fired.step == "d+14-call" && fired.date == firedOn && fired.late == 0)
    // Paused by the promise on its day, then too late: the reason on its day comes first, each
    // with its own typed detail.
    guard case .skipped(let paused, let then) = outcome("d+7-whatsapp"), paused.reason == .paused else {
      Issue.record("d+7-whatsapp is not paused: \(String(describing: outcome("d+7-whatsapp")))")
      return
    }
    #expect(paused.step == "d+7-whatsapp")
    guard case .paused = paused.explanation else {
      Issue.record("the pause's detail is not typed: \(paused.explanation)")
      return
    }
    #expect(then?.reason == .missed)
    let detail = outcome("d+7-whatsapp")?.explanation ?? ""
    #expect(detail.contains("D+7 whatsapp"))
    #expect(detail == paused.detail + " Then: " + (then?.detail ?? ""))
    #expect(detail.contains(" Then: ") && detail.contains("late"))
    guard case .skipped(let condition, nil) = outcome("d+15-task"), condition.reason == .condition else {
      Issue.record("d+15-task is not skipped for its condition")
      return
    }
    #expect(layout.events.map(\.name) == ["payment", "promise", "recorded"])
    #expect(layout.lanes.last?.kind == .payments)
  }

  @Test("after a payment in full, the later steps read stopped")
  func paidStops() throws {
    let cadence = try renderingCadence(
      """
      cadence "short"
        D+1 email overdue
        D+10 call
      """)
    let invoice = try Invoice.make(due: "2026-03-10", amount: "100.00").paying("100.00", on: "2026-03-12")
    let layout = try TimelineLayout(cadence: cadence, invoice: invoice)
    #expect(layout.marks[0].outcome?.summary == "done 2026-03-11")
    guard case .skipped(let skip, nil) = layout.marks[1].outcome, skip.reason == .stopped else {
      Issue.record("the call is not stopped: \(String(describing: layout.marks[1].outcome))")
      return
    }
  }

  @Test(
    "outcomes are kept by occurrence: a history id with a key the invoice has no occurrence for is a contact of its own"
  )
  func outcomesByOccurrence() throws {
    let cadence = try renderingCadence(
      """
      cadence "short"
        D+1 email overdue
        D+10 call
      """)
    let invoice = try Invoice.make(due: "2026-03-10")
      .recording("d+1-email@2026-03-20", on: "2026-03-09", channel: "email")
      .recording("d+10-call", on: "2026-03-15").recording("d+10-call", on: "2026-03-12")
    let layout = try TimelineLayout(cadence: cadence, invoice: invoice)
    // Not the step's occurrence: the email still goes out, and the entry is drawn as a contact.
    #expect(layout.marks[0].outcome?.name == "fired")
    #expect(layout.events.map(\.name) == ["recorded"])
    // The occurrence's earliest entry.
    guard case .recorded(let entry) = layout.marks[1].outcome else {
      Issue.record("the call is not recorded: \(String(describing: layout.marks[1].outcome))")
      return
    }
    #expect(entry.date == CivilDate("2026-03-12"))
  }

  @Test("an empty cadence still draws the due date, one lane and a legend")
  func empty() throws {
    let layout = TimelineLayout(cadence: Cadence(name: "empty"))
    #expect(layout.marks.isEmpty && layout.lanes.count == 1)
    let svg = try ParsedXML(SVGRenderer().render(layout))
    #expect(svg.elements(ofClass: "due").count == 1)
    #expect(MermaidRenderer().render(layout).contains("D0 · due : invoice due"))
  }

  @Test("a thousand steps, many on one day, lay out quickly and still one mark each")
  func manySteps() throws {
    let steps = (0..<1_000).map { Step(id: "s\($0)", offset: .due($0 % 50), action: Action(.email, arguments: ["t"])) }
    let layout = TimelineLayout(cadence: Cadence(name: "big", steps: steps))
    #expect(layout.marks.count == 1_000)
    let svg = try ParsedXML(SVGRenderer().render(layout))
    #expect(svg.elements(ofClass: "step").count == 1_000)
  }
}
