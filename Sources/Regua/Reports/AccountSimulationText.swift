/// The human-readable form of an ``AccountSimulation``: one line per action — its date, id,
/// action, lateness and the invoices it covers — then the count, the balance at the end and `next`.
///
/// Every piece of input text is escaped with ``SafeText``.
enum AccountSimulationText {
  static func render(_ simulation: AccountSimulation) -> String {
    let cadence = simulation.cadence
    let summary = simulation.summary
    let account = summary.finalState
    let version = cadence.version.map { " v\($0)" } ?? ""
    var lines = [
      "\(SafeText.escaped(cadence.name))\(version) · customer \(SafeText.escaped(account.customer.id)) · "
        + Plural.count(account.invoices.count, "invoice"),
      "",
    ]
    let rows = simulation.plans.flatMap { plan in
      plan.actions.map { action in
        [
          "\(plan.date)", SafeText.escaped(action.id),
          SafeText.escaped(([action.action.rawValue] + action.arguments).joined(separator: " ")),
          action.late == 0 ? "on time" : "\(Plural.count(action.late, "day")) late",
          action.invoices.isEmpty
            ? "invoice " + SafeText.escaped(action.invoice ?? "")
            : "covers " + action.covers.map { SafeText.escaped("\($0.invoice) \($0.step)") }.joined(separator: ", "),
        ]
      }
    }
    lines += rows.isEmpty ? ["Nothing happens."] : PlanTable.table(rows)
    lines.append("")
    lines.append(
      "\(Plural.count(rows.count, "action")) from \(summary.start) to \(summary.end); balance at the end "
        + (simulation.balance.map { "\($0.total)" } ?? "in several currencies"))
    lines.append("Next: " + (summary.next.map { "\($0)" } ?? "nothing more is planned"))
    return lines.joined(separator: "\n")
  }
}

extension AccountSimulation: CustomStringConvertible {
  /// The simulation as `regua simulate` prints it for an account document: one line per
  /// action with the invoices it covers, then the balance at the end and `next`.
  public var report: String { AccountSimulationText.render(self) }

  /// The simulation as `regua simulate` prints it: its ``report``.
  public var description: String { report }
}
