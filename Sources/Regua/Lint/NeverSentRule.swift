/// An unconditional contact that the cadence's limits never let through: each day it could go out
/// (its day and its catch-up), a limit is full or a newer contact on its channel supersedes it.
///
/// Found by simulating the cadence for an invoice that never pays, due 2026-03-10 and issued 30
/// days before, with only the unconditional steps and no pauses or stops: conditional steps can
/// only take more room, so a step this finds is never sent whatever the conditions say (for an
/// invoice with those dates, `I` steps being placed by them). Cadences of more than
/// ``maximumSteps`` steps are not simulated.
enum NeverSentRule: LintRule {
  static let code = DiagnosticCode.neverSent
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      let cadence = entry.cadence
      // The simulation costs steps × days; past a few hundred steps the rule steps aside.
      guard !cadence.limits.isEmpty, cadence.steps.count <= maximumSteps else { continue }
      let unconditional = cadence.steps.filter { $0.when == nil && $0.unless == nil && $0.offset.anchor != .promise }
      var probe = cadence
      probe.steps = unconditional
      probe.stopConditions = []
      probe.pauseConditions = []
      guard let invoice = probeInvoice else { continue }
      // A calendar the standard environment lacks is a host's: the rule cannot know its days.
      guard let simulator = try? Simulator(probe) else { continue }
      let schedule = simulator.evaluator.schedule(for: invoice)
      // The probe's amounts cannot fail (it has no charge in another currency, and a rate
      // table's missing month is the invoice's problem): if they do, the rule steps aside.
      guard let simulation = try? simulator.run(invoice) else { continue }
      let fired = Set(simulation.plans.flatMap { $0.actions.map(\.step) })
      for step in unconditional where step.action.kind.isContact && !fired.contains(step.id) {
        // The days it could go out: its scheduled day and its catch-up. What held it on the
        // last of them is why it is never sent.
        guard let scheduled = schedule.date(of: step) else { continue }
        let days = (0...cadence.catchUpDays).map { scheduled.adding(days: $0) }
        let skips = ((try? simulator.plans(for: invoice, on: days)) ?? []).compactMap { plan in
          plan.skipped.first { $0.step == step.id }
        }
        guard let skip = skips.last, skip.reason == .limited || skip.reason == .superseded,
          let syntax = entry.steps.first(where: { $0.id == step.id })
        else { continue }
        warnings.append(
          warning(
            "`\(step.id)` is never sent: \(skip.reason == .limited ? "a limit is full" : "a newer contact replaces it") "
              + "on every day it could go out",
            at: syntax.offset.range.extended(to: syntax.actionRange),
            help: skip.reason == .limited
              ? "move it, raise the limit, or lengthen `catch up`" : "move it to a day of its own, or remove it",
            notes: ["for an invoice due 2026-03-10 that never pays: \(skip.detail)"]))
      }
    }
    return warnings
  }

  /// The largest cadence the rule simulates.
  static let maximumSteps = 500

  /// An invoice that never pays: due 2026-03-10, issued 30 days before, a million reais.
  private static let probeInvoice: Invoice? = {
    guard let due = try? CivilDate(parsing: "2026-03-10"), let currency = Currency("BRL") else { return nil }
    return try? Invoice(
      id: "lint-probe", amount: Money(minorUnits: 100_000_000, currency: currency),
      issued: due.adding(days: -30), due: due)
  }()
}
