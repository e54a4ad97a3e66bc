/// Something wrong with a history entry, found by checking the history against its cadence
/// (``Evaluator/checkHistory(of:on:)``): entries the engine would otherwise pass over without a
/// word, so that a step goes out again.
public struct HistoryProblem: Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public enum Kind: String, Sendable, Hashable {
    /// The step id is none of the cadence's, nor one of its occurrences' (`d+1-email`,
    /// `p+1-call@2026-03-20`), and the entry has no `channel` that would make it a contact made
    /// outside the cadence: it counts for nothing.
    case unknownStep = "unknown-step"
    /// The entry is dated after the evaluation date: it counts from its own date only, so the
    /// step it records is still due until then.
    case future
  }

  /// What is wrong.
  public var kind: Kind
  /// The invoice whose history holds the entry.
  public var invoice: String
  /// The entry's position in that history.
  public var index: Int
  /// The entry.
  public var entry: HistoryEntry
  /// The step the entry probably means, for an unknown id (`INV-1/d+1-email` → `d+1-email`).
  public var suggestion: String?

  /// Records a problem.
  public init(kind: Kind, invoice: String, index: Int, entry: HistoryEntry, suggestion: String? = nil) {
    self.kind = kind
    self.invoice = invoice
    self.index = index
    self.entry = entry
    self.suggestion = suggestion
  }

  /// A sentence for people: `history[2]: "INV-1/d+1-email" is not a step of the cadence; did you
  /// mean "d+1-email"? (record the step id, not the action's id)`.
  public var description: String {
    let step = SafeText.escaped(SafeText.excerpt(entry.step)).quotedForRules
    switch kind {
    case .unknownStep:
      var sentence = "history[\(index)]: \(step) is not a step of the cadence, so it counts for nothing"
      if let suggestion {
        sentence += "; did you mean \(suggestion.quotedForRules)?"
        if entry.step.hasSuffix("/" + suggestion) { sentence += " (record the step's id, not the action's)" }
      } else if HistoryProblem.looksMerged(entry.step) {
        sentence +=
          "; it looks like a merged contact's id (`customer/channel/date`): record each step its `covers` "
          + "lists, in its invoice's history (`Account.record` does)"
      }
      return sentence
    case .future:
      return "history[\(index)]: \(step) is dated \(entry.date), after the evaluation date, so it counts only from "
        + "then (a date written in another time zone?)"
    }
  }
}

extension HistoryProblem {
  /// Whether `id` has the shape of a merged contact's id: three parts, the last a date.
  static func looksMerged(_ id: String) -> Bool {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count >= 3 && (try? CivilDate(parsing: String(parts[parts.count - 1]))) != nil
  }
}

extension Evaluator {
  /// Checks `invoice`'s history against the cadence as of `date`: entries whose step id the
  /// cadence does not know (and that carry no `channel`), and entries dated after `date`.
  ///
  /// The engine itself never rejects such an entry — a host may record its own ids, and a
  /// history may be read on an earlier date — but each one is a step that may go out again.
  /// Costs O(history × log steps).
  public func checkHistory(of invoice: Invoice, on date: CivilDate) -> [HistoryProblem] {
    let schedule = schedule(for: invoice)
    var problems: [HistoryProblem] = []
    for (index, entry) in invoice.history.enumerated() {
      if entry.date > date {
        problems.append(HistoryProblem(kind: .future, invoice: invoice.id, index: index, entry: entry))
      }
      guard entry.kind == .step, entry.channel == nil, !knows(entry.step, schedule: schedule) else { continue }
      problems.append(
        HistoryProblem(
          kind: .unknownStep, invoice: invoice.id, index: index, entry: entry,
          suggestion: suggestion(for: entry.step)))
    }
    return problems
  }

  /// Checks every history of `account` (``checkHistory(of:on:)``), invoice by invoice in the
  /// account's order.
  public func checkHistories(of account: Account, on date: CivilDate) -> [HistoryProblem] {
    account.invoices.flatMap { checkHistory(of: $0, on: date) }
  }

  /// Whether `id` names a step of the cadence or one of its occurrences in `schedule`.
  private func knows(_ id: String, schedule: Schedule) -> Bool {
    if compiled.stepIDs.index(of: id) != nil { return true }
    guard OccurrenceID.hasKey(id), let step = compiled.stepIDs.index(of: String(OccurrenceID.stepPart(of: id))) else {
      return false
    }
    return schedule.occurrence(ofStep: step, id: id) != nil
  }

  /// The step an unknown id probably means: the step part of an action id
  /// (`INV-1/d+1-email`, `C-1/email/2026-03-11` has none), else the closest step id.
  private func suggestion(for id: String) -> String? {
    if let slash = id.lastIndex(of: "/") {
      let tail = String(id[id.index(after: slash)...])
      if compiled.stepIDs.index(of: tail) != nil { return tail }
    }
    return Suggestions.closest(to: id, among: cadence.steps.map(\.id))
  }
}
