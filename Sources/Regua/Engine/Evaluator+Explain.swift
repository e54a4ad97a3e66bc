extension Evaluator {
  /// Puts a non-firing decision into words for a collections clerk, with `retry` for limits;
  /// `nil` for a decision that fires.
  func explain(_ decision: Decision, context: Context, fired: [Decision]) -> SkippedStep? {
    let step = cadence.steps[decision.step]
    let scheduled = CivilDate(daysSinceEpoch: decision.scheduled)
    let what = "The \(step.offset) \(step.action.kind.keywords.joined(separator: " "))"
    var retry: CivilDate?
    let reason: SkipReason
    let detail: String
    switch decision.verdict {
    case .fire:
      return nil
    case .missed(let late):
      reason = .missed
      detail =
        "\(what) was due on \(scheduled) and is now \(late) days late; contacts go out at most "
        + "\(days(cadence.catchUpDays)) late, so it will not be sent."
    case .stopped(let cause):
      reason = .stopped
      detail = "\(what) is not done: " + describe(cause)
    case .paused(let rule):
      reason = .paused
      detail = "\(what) is on hold: " + describePause(cadence.pauseConditions[rule], facts: context.facts)
    case .condition(let unlessHolds, let notes):
      reason = .condition
      let condition = (unlessHolds ? step.unless : step.when) ?? Condition(.literal(.boolean(true)))
      let values = condition.fields.map { "\($0.rawValue) is \(context.facts.describe($0))" }
      var sentence =
        unlessHolds
        ? "\(what) is skipped because `\(condition)` holds" : "\(what) is skipped because `\(condition)` does not hold"
      if !values.isEmpty { sentence += " (" + values.joined(separator: ", ") + ")" }
      sentence += "."
      for note in notes { sentence += " Note: " + note + "." }
      detail = sentence
    case .superseded(let newer, let executed):
      reason = .superseded
      let other = cadence.steps[newer]
      let date = context.schedule[newer].map { CivilDate(daysSinceEpoch: $0).description } ?? "?"
      detail =
        "\(what) is not sent because a newer \(other.channel ?? "") message, `\(other.id)` (scheduled \(date)), "
        + (executed ? "was already sent." : "goes out today instead.")
    case .limited(let limitIndex):
      reason = .limited
      let limit = layout.limits[limitIndex]
      retry = retryDay(for: decision, context: context, fired: fired).map(CivilDate.init(daysSinceEpoch:))
      let noun = limit.count == 1 ? "contact" : "contacts"
      let scope = limit.channel.map { "`\($0)` \(noun)" } ?? noun
      var sentence =
        "\(what) is held back by `\(limit)`: it allows \(limit.count) \(scope) in any \(days(limit.days)), "
        + "and \(limit.count == 1 ? "that one is" : "that many are") already used up to \(context.facts.day)."
      if let retry {
        sentence += " It can go on \(retry)."
      } else {
        sentence +=
          " By the time the limit allows it, it is more than \(days(cadence.catchUpDays)) late, so it will not be sent."
      }
      detail = sentence
    }
    return SkippedStep(step: step.id, scheduled: scheduled, reason: reason, detail: detail, retry: retry)
  }

  private func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  private func describe(_ cause: StopCause) -> String {
    switch cause {
    case .paid: return "the invoice is paid in full."
    case .cancelled: return "the invoice is cancelled."
    case .writtenOffStatus: return "the invoice is written off."
    case .writeOffStep(let day): return "the invoice was written off on \(CivilDate(daysSinceEpoch: day))."
    case .rule(let index): return "collection stops when `\(cadence.stopConditions[index])`, and it holds."
    }
  }

  private func describePause(_ condition: Condition, facts: InvoiceFacts) -> String {
    switch condition.expression {
    case .field(.disputed):
      return "the invoice is disputed."
    case .field(.promised):
      let date = facts.invoice.promise.map { " by \($0.date)" } ?? ""
      return "the customer promised to pay\(date)."
    default:
      return "collection pauses when `\(condition)`, and it holds."
    }
  }

  /// The first day after today on which every limit counting the step has room for it, if the
  /// step is still within its catch-up then. Today's admitted contacts count as sent today.
  func retryDay(for decision: Decision, context: Context, fired: [Decision]) -> Int? {
    var ledger = context.ledger
    let today = context.day
    for admitted in fired { ledger.record(step: admitted.step, on: today, layout: layout) }
    let limits = layout.stepLimits[decision.step]
    let lastChance = decision.scheduled + cadence.catchUpDays
    // Room can only open the day after today or the day a counted contact leaves a window.
    var candidates = [today + 1]
    for limitIndex in limits {
      candidates += ledger.limitEntries[limitIndex].map { $0 + layout.limits[limitIndex].days }
    }
    for day in Set(candidates).sorted() where day > today {
      guard day <= lastChance else { return nil }
      let fits = limits.allSatisfy { limitIndex in
        let limit = layout.limits[limitIndex]
        return ledger.count(limit: limitIndex, from: day - limit.days + 1, through: day) < limit.count
      }
      if fits { return day }
    }
    return nil
  }
}
