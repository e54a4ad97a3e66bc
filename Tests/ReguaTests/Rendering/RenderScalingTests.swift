import Foundation
import ReguaTesting
import Testing

@testable import Regua

/// The cost of drawing a cadence for an invoice as its steps grow: linear, even when every step
/// falls on one channel and one day (the case that stacked up a search per step).
@Suite("Scaling of render with an invoice")
struct RenderScalingTests {
  /// A cadence of `count` steps, all `D+5 email x-i as s-i`: one channel, one day, so the newest
  /// supersedes all the others and each skip is looked up among all of them.
  static func oneDayCadence(steps count: Int) -> Cadence {
    let steps = (0..<count).map {
      Step(id: "s-\($0)", offset: .due(5), action: Action(.email, arguments: ["x-\($0)"]))
    }
    return Cadence(name: "one-day", steps: steps)
  }

  /// The least CPU time of `body` on `large` over the least on `small`, over runs that
  /// alternate between the two (``ScalingTests/cpuTime(_:)``: other tests do not count).
  static func costRatio<Input>(small: Input, large: Input, runs: Int = 3, _ body: (Input) -> Void) -> Double {
    var smallBest = Double.infinity
    var largeBest = Double.infinity
    for _ in 0..<runs {
      smallBest = min(smallBest, ScalingTests.cpuTime { body(small) })
      largeBest = min(largeBest, ScalingTests.cpuTime { body(large) })
    }
    return largeBest / max(smallBest, 1e-9)
  }

  @Test("drawing steps on one channel and day for an invoice costs linear time in the steps")
  func oneChannelOneDay() throws {
    let invoice = try Invoice.make(due: "2026-03-10")
    let small = RenderScalingTests.oneDayCadence(steps: 500)
    let large = RenderScalingTests.oneDayCadence(steps: 2_000)
    var marks = 0
    // Four times the steps: about 4× when linear, 16× when quadratic (as it was: 10,000 steps
    // took 27 s and 3.5 GB).
    let ratio = RenderScalingTests.costRatio(small: small, large: large) { cadence in
      guard let layout = try? TimelineLayout(cadence: cadence, invoice: invoice) else { return }
      marks = layout.marks.count
      _ = SVGRenderer().render(layout)
    }
    #expect(marks == 2_000)
    #expect(ratio < 8, "4× the steps cost \(ratio)× the time")
  }

  @Test("every step but the newest is superseded, each with its own sentence, as before")
  func outcomesOfOneDay() throws {
    let invoice = try Invoice.make(due: "2026-03-10")
    let layout = try TimelineLayout(cadence: RenderScalingTests.oneDayCadence(steps: 50), invoice: invoice)
    let outcomes = layout.marks.compactMap(\.outcome)
    #expect(outcomes.count == 50)
    guard case .fired(let entry) = outcomes.last else {
      Issue.record("s-49 did not fire: \(String(describing: outcomes.last))")
      return
    }
    #expect(entry.step == "s-49" && entry.date == day("2026-03-15") && entry.late == 0)
    for (index, outcome) in outcomes.dropLast().enumerated() {
      guard case .skipped(let skip, nil) = outcome else {
        Issue.record("s-\(index) should be skipped, not \(outcome.name)")
        continue
      }
      #expect(skip.step == "s-\(index)" && skip.reason == .superseded)
      #expect(
        skip.explanation == .superseded(by: "s-49", channel: "email", scheduled: day("2026-03-15"), executed: false))
      #expect(outcome.explanation.contains("`s-49`"))
    }
    #expect(Set(layout.marks.map(\.row)).count == 50, "one row each: the labels stack")
  }
}
