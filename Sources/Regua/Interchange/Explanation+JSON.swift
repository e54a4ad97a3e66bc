extension Explanation {
  /// The explanation as `regua explain --json` prints it: one object, keys sorted (the shape
  /// is documented in `Documentation/JSON.md`). `plan` is the plan exactly as `plan --json`
  /// writes it.
  public var json: JSONValue {
    let state: String
    if plan.date < schedule.issued {
      state = "not-issued"
    } else if stop != nil {
      state = "stopped"
    } else if pause != nil {
      state = "paused"
    } else {
      state = "running"
    }
    let amounts: JSONValue = self.amounts?.json ?? .null
    return .object([
      "amounts": amounts,
      "cadence": .string(plan.cadence),
      "caps": .array(caps.map { .string($0.description) }),
      "waits": .array(waits.map(\.json)),
      "history-problems": .array(historyProblems.map(\.json)),
      "version": plan.version.map(JSONValue.int) ?? .null,
      "invoice": .string(plan.invoice),
      "date": .string(plan.date.description),
      "issued": .string(schedule.issued.description),
      "due": .string(schedule.due.description),
      "effective-due": .string(schedule.effectiveDue.description),
      "due-closed": dueClosed?.json(on: schedule.due) ?? .null,
      "plan": plan.json,
      "values": values.json,
      "state": .string(state),
      "stop": .string(stop.map { SafeText.escaped($0.description) }),
      "stop-rules": .array(stopRules.map(\.json)),
      "pause-rules": .array(pauseRules.map(\.json)),
      "promise": promise.map { promise in
        .object([
          "made": .string(promise.made?.description),
          "date": .string(promise.date.description),
          "amount": .string(promise.amount?.amountString),
          "stands": .bool(values.promised),
        ])
      } ?? .null,
      "limits": .array(limits.map { $0.json(through: plan.date) }),
      "steps": .array(steps.map(\.json)),
      "next": .string(plan.next?.description),
      "next-actions": .array(nextActions.map(\.json)),
    ])
  }

  /// The explanation as one line of JSON, keys sorted.
  public var jsonLine: String { json.serialized }
}

extension FieldValues {
  /// The values in the explanation's JSON: amounts as decimal strings in `currency`.
  var json: JSONValue {
    .object([
      "balance": .string(balance.amountString),
      "amount": .string(amount.amountString),
      "currency": .string(amount.currency.code),
      "days-overdue": .int(daysOverdue),
      "customer.id": .string(customer.id),
      "customer.kind": .string(customer.kind?.rawValue ?? ""),
      "customer.segment": .string(customer.segment),
      "tags": .array((invoiceTags + customer.tags).map(JSONValue.string)),
      "disputed": .bool(disputed),
      "promised": .bool(promised),
      "account": .object([
        "balance": .string(account.balance.amountString),
        "overdue-balance": .string(account.overdueBalance.amountString),
        "open-invoices": .int(account.openInvoices),
        "overdue-invoices": .int(account.overdueInvoices),
        "oldest-days-overdue": .int(account.oldestDaysOverdue),
      ]),
    ])
  }
}

extension ConditionTrace {
  /// The trace in the explanation's JSON, a condition's root: `expression` as written once,
  /// `value` (`null` when not evaluated), `operands`, `children`, `note`, `span`, and `text`,
  /// its ``line``.
  var json: JSONValue { json(isRoot: true) }

  /// A part of a condition names its text by `span` instead of writing it again: `expression`
  /// is `null` on a part with parts of its own, and `text` is its ``partLine``. So the JSON
  /// grows with the condition's length, not with its length times its depth.
  private func json(isRoot: Bool) -> JSONValue {
    let writesExpression = isRoot || children.isEmpty
    return .object([
      "expression": .string(writesExpression ? ExpressionPrinter.print(expression) : nil),
      "value": value.map(JSONValue.bool) ?? .null,
      "operands": .array(operands.map(\.json)),
      "children": .array(children.map { $0.json(isRoot: false) }),
      "note": .string(note),
      "span": span.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null,
      "text": .string(isRoot ? line : partLine),
    ])
  }
}

extension TracedOperand {
  /// `{"field": "balance", "type": "money", "value": "320.00", "currency": "BRL"}`; a literal
  /// has `"field": null` and a currency only when written with one.
  var json: JSONValue {
    var currency: String?
    let (type, value): (String, JSONValue)
    switch self.value {
    case .boolean(let flag): (type, value) = ("boolean", .bool(flag))
    case .integer(let number): (type, value) = ("integer", .int(number))
    case .money(let money):
      (type, value) = ("money", .string(money.amountString))
      currency = money.currency.code
    case .text(let text): (type, value) = ("text", .string(text))
    case .literal(.boolean(let flag)): (type, value) = ("boolean", .bool(flag))
    case .literal(.integer(let number)): (type, value) = ("integer", .int(number))
    case .literal(.amount(let amount)): (type, value) = ("money", .string(amount.description))
    case .literal(.money(let amount, let code)):
      (type, value) = ("money", .string(amount.description))
      currency = code.code
    case .literal(.text(let text)): (type, value) = ("text", .string(text))
    }
    return .object([
      "field": .string(field?.rawValue), "type": .string(type), "value": value, "currency": .string(currency),
    ])
  }
}

extension LimitWindow {
  func json(through date: CivilDate) -> JSONValue {
    .object([
      "limit": .string(limit.description),
      "channel": .string(limit.channel),
      "count": .int(limit.count),
      "days": .int(limit.days),
      "from": .string(from.description),
      "through": .string(date.description),
      "used": .int(used),
      "full": .bool(isFull),
      "frees": .string(frees?.description),
    ])
  }
}

extension StepExplanation {
  /// One step in the explanation's JSON.
  var json: JSONValue {
    var members: [String: JSONValue] = [
      "step": .string(id),
      "offset": .string(step.offset.description),
      "action": .string(step.action.kind.rawValue),
      "args": .array(step.action.arguments.map(JSONValue.string)),
      "scheduled": .string(scheduled?.description),
      "when": when?.json ?? .null,
      "unless": unless?.json ?? .null,
      "new": .bool(isNewSkip),
      "held": heldJSON,
      "held-omitted": .int(heldRunsOmitted),
      "counts-from": .string(date?.base.description),
      "counts-from-kind": .string(date?.baseKind.rawValue),
      "business-days": date?.businessDays.map(JSONValue.int) ?? .null,
      "offset-date": .string(date?.named.description),
      "closed": date.flatMap { date in date.closed?.json(on: date.named) } ?? .null,
      "moved": .bool(date?.isMoved ?? false),
      "waits-for-window": .bool(date?.waitsForWindow ?? false),
      "done": .null, "late": .null, "reason": .null, "detail": .null, "retry": .null,
    ]
    switch outcome {
    case .fires(let action):
      members["outcome"] = .string("fires")
      members["late"] = .int(action.late)
    case .skipped(let skip):
      members["outcome"] = .string("skipped")
      members["reason"] = .string(skip.reason.rawValue)
      members["detail"] = .string(skip.detail)
      members["retry"] = .string(skip.retry?.description)
    case .done(let date):
      members["outcome"] = .string("done")
      members["done"] = .string(date.description)
    case .upcoming: members["outcome"] = .string("upcoming")
    case .notIssued: members["outcome"] = .string("not-issued")
    case .unscheduled: members["outcome"] = .string("unscheduled")
    }
    return .object(members)
  }

  /// `held`: the runs of a missed step; `[]` for a step that is not missed; `null` for a missed
  /// step whose runs were not computed (``HeldDaysScope/newSkips`` and an old skip).
  private var heldJSON: JSONValue {
    guard let held else {
      if case .skipped(let skip) = outcome, skip.reason == .missed { return .null }
      return .array([])
    }
    return .array(
      held.map { run in
        .object([
          "from": .string(run.from.description), "through": .string(run.through.description),
          "reason": .string(run.hold?.reason.rawValue), "detail": .string(run.hold?.detail),
        ])
      })
  }
}

extension NonBusinessDay {
  /// Why a day is closed, in the explanation's JSON: `{"reason": "weekend", "weekday":
  /// "saturday", "holiday": null}`, or `{"reason": "holiday", "weekday": "tuesday", "holiday":
  /// "Tiradentes"}` (the weekday is the closed day's, given beside).
  func json(on date: CivilDate) -> JSONValue {
    switch self {
    case .weekend(let weekday):
      return .object([
        "reason": .string("weekend"), "weekday": .string(String(describing: weekday)), "holiday": .null,
      ])
    case .holiday(let name):
      return .object([
        "reason": .string("holiday"), "weekday": .string(String(describing: date.weekday)),
        "holiday": .string(name),
      ])
    }
  }
}

extension AmountsDerivation {
  /// The derivation in the explanation's JSON: `owed` as the plan's `balance` object, and
  /// `terms` in day order, amounts as decimal strings.
  var json: JSONValue {
    .object([
      "owed": .object([
        "principal": .string(owed.principal.amountString), "fees": .string(owed.fees.amountString),
        "interest": .string(owed.interest.amountString), "discount": .string(owed.discount.amountString),
        "total": .string(owed.total.amountString),
      ]),
      "terms": .array(terms.map(\.json)),
    ])
  }
}

extension AmountTerm {
  /// One term: `kind` (`fee`, `interest`, `payment`, `discount`) and its numbers.
  var json: JSONValue {
    switch self {
    case .fee(let step, let date, let principal, let rate, let maximum, let amount):
      return .object([
        "kind": .string("fee"), "step": .string(step), "date": .string(date.description),
        "principal": .string(principal.amountString), "rate": .string(rate?.description),
        "maximum": .string(maximum?.amountString), "amount": .string(amount.description),
        "charged": .string(charged?.amountString),
      ])
    case .interest(let step, let from, let through, let principal, let rate, let amount):
      return .object([
        "kind": .string("interest"), "step": .string(step), "from": .string(from.description),
        "through": .string(through.description), "days": .int(through.daysSinceEpoch - from.daysSinceEpoch + 1),
        "principal": .string(principal.amountString), "rate": .string(rate.description),
        "table": .string(rate.table), "amount": .string(amount.description),
      ])
    case .payment(let date, let amount, let interest, let fees, let paidToPrincipal, let principal):
      return .object([
        "kind": .string("payment"), "date": .string(date.description), "amount": .string(amount.amountString),
        "interest": .string(interest.amountString), "fees": .string(fees.amountString),
        "paid-to-principal": .string(paidToPrincipal.amountString), "principal": .string(principal.amountString),
      ])
    case .discount(let step, let through, let principal, let rate, let amount):
      return .object([
        "kind": .string("discount"), "step": .string(step), "through": .string(through?.description),
        "principal": .string(principal.amountString), "rate": .string(rate.description),
        "amount": .string(amount.amountString),
      ])
    }
  }
}

extension ConversationWaitState {
  /// `{"wait": "after conversation wait 7 days for call", "conversation": …, "until": …}`.
  var json: JSONValue {
    .object([
      "wait": .string(wait.description),
      "conversation": conversation.map { .string($0.description) } ?? .null,
      "until": until.map { .string($0.description) } ?? .null,
    ])
  }
}

extension HistoryProblem {
  /// `{"kind": "unknown-step", "index": 2, "step": …, "date": …, "suggestion": …, "detail": …}`.
  var json: JSONValue {
    .object([
      "kind": .string(kind.rawValue),
      "index": .int(index),
      "step": .string(entry.step),
      "date": .string(entry.date.description),
      "suggestion": suggestion.map(JSONValue.string) ?? .null,
      "detail": .string(description),
    ])
  }
}

extension AccountExplanation {
  /// The explanation as `regua explain --json` prints it for an account document: one object,
  /// keys sorted — `plan` (the account's plan exactly as `plan --json` writes it), `limits` and
  /// `waits` across the account, `next-actions`, and `invoices`, each an invoice's explanation
  /// in the shape an invoice's `explain --json` has (documented in `Documentation/JSON.md`).
  public var json: JSONValue {
    .object([
      "cadence": .string(plan.cadence),
      "version": plan.version.map(JSONValue.int) ?? .null,
      "customer": .string(plan.customer),
      "date": .string(plan.date.description),
      "plan": JSONValue(written: Array(plan.jsonData())),
      "limits": .array(limits.map { $0.json(through: plan.date) }),
      "waits": .array(waits.map(\.json)),
      "next": .string(plan.next?.description),
      "next-actions": .array(nextActions.map(\.json)),
      "invoices": .array(invoices.map(\.json)),
      "chosen": .object(
        chosen.mapValues { cover in .object(["invoice": .string(cover.invoice), "step": .string(cover.step)]) }),
    ])
  }

  /// The explanation as one line of JSON, keys sorted.
  public var jsonLine: String { json.serialized }
}
