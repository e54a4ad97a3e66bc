/// The human-readable form of an account's plan: what to do today for the customer — a merged
/// contact with the invoices it covers, each other action with its invoice — most valuable
/// first, then the skips that are news today, and `next`.
///
/// Every piece of input text is escaped with ``SafeText``, as in ``PlanTable``.
enum AccountPlanTable {
  /// The table; with `yesterday` (the account's plan the day before), the skips listed are
  /// those that are news today, and the older ones are counted.
  /// `b2b v3 · customer C-42 · 2026-03-11 · 3 invoices · balance 1500.00 BRL`.
  static func title(_ plan: AccountPlan) -> String {
    let version = plan.version.map { " v\($0)" } ?? ""
    let owed = plan.balance.map { "balance \($0.total)" } ?? "balances in several currencies"
    return "\(SafeText.escaped(plan.cadence))\(version) · customer \(SafeText.escaped(plan.customer)) · \(plan.date) "
      + "· \(Plural.count(plan.balances.count, "invoice")) · \(owed)"
  }

  static func render(_ plan: AccountPlan, yesterday: AccountPlan?) -> String {
    var lines = [title(plan), ""]
    if plan.actions.isEmpty {
      lines.append("Nothing to do today.")
    } else {
      lines.append("DO TODAY (most valuable first)")
      lines += PlanTable.table(
        plan.workOrder.map { action in
          let concerns =
            action.invoices.isEmpty
            ? "invoice " + SafeText.escaped(action.invoice ?? "")
            : "covers " + action.covers.map { SafeText.escaped("\($0.invoice) \($0.step)") }.joined(separator: ", ")
          return [
            SafeText.escaped(action.id),
            SafeText.escaped(([action.action.rawValue] + action.arguments).joined(separator: " ")),
            action.late == 0 ? "on time" : "\(action.late) day\(action.late == 1 ? "" : "s") late",
            "priority \(action.priority ?? 0)",
            concerns,
          ]
        })
    }
    // What each step of each invoice was skipped for yesterday, by `invoice/step`.
    var before: [String: String] = [:]
    for skip in yesterday?.skipped ?? [] { before["\(skip.invoice ?? "")/\(skip.step)"] = skip.reason.rawValue }
    let listed = plan.skipped.filter {
      yesterday == nil || before["\($0.invoice ?? "")/\($0.step)"] != $0.reason.rawValue
    }
    if !listed.isEmpty {
      lines.append("")
      lines.append("SKIPPED")
      lines += PlanTable.table(
        listed.map { skip in
          [
            SafeText.escaped(skip.invoice ?? ""), SafeText.escaped(skip.step), skip.reason.rawValue,
            SafeText.escaped(skip.detail),
          ]
        })
    }
    let older = plan.skipped.count - listed.count
    if older > 0 {
      lines.append("")
      lines.append(
        (listed.isEmpty ? "\(older) " : "and \(older) ") + (older == 1 ? "older skipped step" : "older skipped steps")
          + "; --json lists them")
    }
    lines.append("")
    lines.append("Next: " + (plan.next.map(String.init(describing:)) ?? "nothing more is planned"))
    return lines.joined(separator: "\n")
  }
}

extension AccountPlan {
  /// The plan as `regua plan` prints an account's: the day's work most valuable first, the
  /// skips that are news since `yesterday`'s plan (every one without it), and `next`.
  public func report(since yesterday: AccountPlan? = nil) -> String {
    AccountPlanTable.render(self, yesterday: yesterday)
  }
}
