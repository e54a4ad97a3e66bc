/// The human-readable form of an ``AccountExplanation``: the account's title, the limits and
/// waits counted across its invoices, each invoice explained as the account sees it, and `next`.
///
/// Every piece of input text is escaped with ``SafeText``, as in ``ExplanationText``.
enum AccountExplanationText {
  static func render(_ explanation: AccountExplanation) -> String {
    var lines = [AccountPlanTable.title(explanation.plan)]
    lines += ExplanationText.limits(explanation.limits, waits: explanation.waits, on: explanation.plan.date)
    for invoice in explanation.invoices {
      lines.append("")
      lines.append("INVOICE \(SafeText.escaped(invoice.plan.invoice))")
      let text = ExplanationText.render(invoice, chosen: explanation.chosen)
      lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
    }
    lines.append("")
    // The account's next actions by id, each with what it covers: its steps are several
    // invoices', and its channel may not be the step's.
    let next = explanation.nextActions.map { action in
      let covers =
        action.covers.isEmpty ? [CoveredStep(invoice: action.invoice ?? "", step: action.step)] : action.covers
      let listed = covers.prefix(ExplanationText.mergedNamesListed).map { "\($0.invoice) \($0.step)" }
      let more = covers.count > listed.count ? ", \(covers.count - listed.count) more" : ""
      return SafeText.escaped("\(action.id) (\(listed.joined(separator: ", "))\(more))")
    }
    lines.append(
      (["Next: " + (explanation.plan.next.map { "\($0)" } ?? "nothing more is planned")] + next).joined(separator: "  ")
    )
    return lines.joined(separator: "\n")
  }
}

extension AccountExplanation: CustomStringConvertible {
  /// The explanation as `regua explain` prints it for an account document: the limits and
  /// waits across the account, then each invoice with every step, what decided it (a merged
  /// contact says which invoices it went out with and whose step was chosen) and the values its
  /// conditions saw. Input text is escaped with ``SafeText``.
  public var report: String { AccountExplanationText.render(self) }

  /// The explanation as `regua explain` prints it: its ``report``.
  public var description: String { report }
}
