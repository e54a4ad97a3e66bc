// The plain interpreter of conditions: it walks the expression for one day's field values and
// collects notes on comparisons that are false for a reason other than the values (another
// currency). Explanations use it to quote what a condition saw; evaluations use the compiled
// ``ConditionProgram``, which property tests check against it.

/// A value while a condition is interpreted.
enum RuntimeValue {
  case boolean(Bool)
  case money(Money)
  case integer(Int)
  case text(String)
  case literal(Literal)
}

extension Condition {
  /// Whether the condition holds for `facts`; `notes` receives explanations of comparisons that
  /// are false for a reason other than the values (an amount in another currency).
  func holds(for facts: FieldValues, notes: inout [String]) -> Bool {
    expression.holds(for: facts, notes: &notes)
  }

  /// Every field the condition reads, in first-use order, for explaining a decision.
  var fields: [Field] {
    var seen: [Field] = []
    func visit(_ e: Expression) {
      switch e {
      case .field(let field): if !seen.contains(field) { seen.append(field) }
      case .literal, .tagged: break
      case .not(let a): visit(a)
      case .and(let a, let b), .or(let a, let b), .comparison(let a, _, let b):
        visit(a)
        visit(b)
      case .membership(let a, _): visit(a)
      }
    }
    visit(expression)
    return seen
  }
}

extension Expression {
  func holds(for facts: FieldValues, notes: inout [String]) -> Bool {
    switch self {
    case .literal(.boolean(let value)): return value
    case .field(let field):
      if case .boolean(let value) = facts.evaluate(field) { return value }
      return false
    case .tagged(let tag): return facts.hasTag(tag)
    case .not(let e): return !e.holds(for: facts, notes: &notes)
    case .and(let a, let b): return a.holds(for: facts, notes: &notes) && b.holds(for: facts, notes: &notes)
    case .or(let a, let b): return a.holds(for: facts, notes: &notes) || b.holds(for: facts, notes: &notes)
    case .comparison(let a, let op, let b):
      guard let order = Expression.compare(a.value(facts), b.value(facts), facts: facts, notes: &notes) else {
        return false
      }
      return op.accepts(order)
    case .membership(let a, let list):
      let subject = a.value(facts)
      return list.contains { Expression.compare(subject, .literal($0), facts: facts, notes: &notes) == 0 }
    case .literal: return false
    }
  }

  private func value(_ facts: FieldValues) -> RuntimeValue {
    switch self {
    case .field(let field): return facts.evaluate(field)
    case .literal(let literal): return .literal(literal)
    default:
      var ignored: [String] = []
      return .boolean(holds(for: facts, notes: &ignored))
    }
  }

  /// -1, 0 or 1; `nil` when the values cannot be compared (another currency).
  private static func compare(
    _ a: RuntimeValue, _ b: RuntimeValue, facts: FieldValues, notes: inout [String]
  ) -> Int? {
    switch (normalize(a), normalize(b)) {
    case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.text(let x), .text(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.money(let x), .money(let y)):
      return x == y ? 0 : (x < y ? -1 : 1)
    case (.money(let x), .literal(let literal)):
      return compare(x, literal, facts: facts, notes: &notes)
    case (.literal(let literal), .money(let y)):
      return compare(y, literal, facts: facts, notes: &notes).map { -$0 }
    default:
      return nil
    }
  }

  private static func compare(_ money: Money, _ literal: Literal, facts: FieldValues, notes: inout [String]) -> Int? {
    let amount: ExactDecimal
    switch literal {
    case .amount(let value): amount = value
    case .money(let value, let currency):
      guard currency == money.currency else {
        let note =
          "`\(literal)` is in \(currency.code) but the invoice is in \(money.currency.code), so the comparison is false"
        if !notes.contains(note) { notes.append(note) }
        return nil
      }
      amount = value
    default: return nil
    }
    let decimal = money.decimal
    return decimal == amount ? 0 : (decimal < amount ? -1 : 1)
  }

  /// Literals of simple types become plain values, so both sides compare alike.
  private static func normalize(_ value: RuntimeValue) -> RuntimeValue {
    guard case .literal(let literal) = value else { return value }
    switch literal {
    case .boolean(let x): return .boolean(x)
    case .integer(let x): return .integer(x)
    case .text(let x): return .text(x)
    case .amount, .money: return value
    }
  }
}
