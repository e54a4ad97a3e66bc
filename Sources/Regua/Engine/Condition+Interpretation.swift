// The plain interpreter of conditions: it walks the expression for one day's field values and
// records what it saw — each sub-expression's truth, each comparison's operands, and notes on
// comparisons that are false for a reason other than the values (another currency).
// Explanations use it to quote what a condition saw; evaluations use the compiled
// ``ConditionProgram``, which property tests check against it.

extension Condition {
  /// How the condition is decided for `values`: each sub-expression's truth and each
  /// comparison's operands, short-circuit honest, each with its ``ConditionTrace/span`` in the
  /// condition's text.
  public func trace(_ values: FieldValues) -> ConditionTrace {
    var trace = expression.trace(values)
    let spans = ExpressionPrinter.printWithSpans(expression).spans
    trace.placeSpans(spans, at: 0)
    return trace
  }

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

extension ConditionTrace {
  /// Sets the span of this trace, the sub-expression at preorder index `index` of `spans`, and
  /// of its parts: each child is the sub-expression the interpreter traced it for.
  fileprivate mutating func placeSpans(_ spans: ExpressionPrinter.Spans, at index: Int) {
    guard spans.ranges.indices.contains(index) else { return }
    span = spans.ranges[index]
    guard !children.isEmpty else { return }
    let first = index + 1
    let second = spans.ends.indices.contains(first) ? spans.ends[first] : first
    // Which sub-expressions have a child trace, in order: a comparison's or a list's operand
    // only when it is not a field or a literal.
    var parts: [Int] = []
    switch expression {
    case .not: parts = [first]
    case .and, .or: parts = [first, second]
    case .comparison(let a, _, let b):
      if a.isCondition { parts.append(first) }
      if b.isCondition { parts.append(second) }
    case .membership(let a, _): if a.isCondition { parts = [first] }
    case .literal, .field, .tagged: break
    }
    for (child, part) in zip(children.indices, parts) { children[child].placeSpans(spans, at: part) }
  }
}

extension Expression {
  /// Whether a comparison's operand is traced as a sub-condition: not a field, not a literal.
  fileprivate var isCondition: Bool {
    switch self {
    case .field, .literal: return false
    default: return true
    }
  }

  func holds(for facts: FieldValues, notes: inout [String]) -> Bool {
    let trace = trace(facts)
    for note in trace.notes where !notes.contains(note) { notes.append(note) }
    return trace.value ?? false
  }

  /// The trace of this expression for one day's values.
  func trace(_ facts: FieldValues) -> ConditionTrace {
    switch self {
    case .literal(.boolean(let value)): return ConditionTrace(expression: self, value: value)
    case .literal: return ConditionTrace(expression: self, value: false)
    case .field(let field):
      if case .boolean(let value) = facts.evaluate(field) { return ConditionTrace(expression: self, value: value) }
      return ConditionTrace(expression: self, value: false)
    case .tagged(let tag): return ConditionTrace(expression: self, value: facts.hasTag(tag))
    case .not(let e):
      let inner = e.trace(facts)
      return ConditionTrace(expression: self, value: !(inner.value ?? false), children: [inner])
    case .and(let a, let b), .or(let a, let b):
      let isAnd = if case .and = self { true } else { false }
      let left = a.trace(facts)
      let leftValue = left.value ?? false
      // `a and b` is decided by a false `a`, `a or b` by a true one: `b` is then not evaluated.
      guard leftValue == isAnd else {
        return ConditionTrace(
          expression: self, value: leftValue, children: [left, ConditionTrace(expression: b, value: nil)])
      }
      let right = b.trace(facts)
      return ConditionTrace(expression: self, value: right.value ?? false, children: [left, right])
    case .comparison(let a, let op, let b):
      let (left, right) = (a.operand(facts), b.operand(facts))
      var notes: [String] = []
      let order = Expression.compare(left.operand.value, right.operand.value, notes: &notes)
      return ConditionTrace(
        expression: self, value: order.map(op.accepts) ?? false, operands: [left.operand, right.operand],
        children: [left.trace, right.trace].compactMap { $0 }, note: notes.first)
    case .membership(let a, let list):
      let subject = a.operand(facts)
      var notes: [String] = []
      let found = list.contains { Expression.compare(subject.operand.value, .literal($0), notes: &notes) == 0 }
      return ConditionTrace(
        expression: self, value: found, operands: [subject.operand], children: [subject.trace].compactMap { $0 },
        note: notes.first)
    }
  }

  /// The value of a comparison's operand, and the trace of a boolean sub-expression used as one.
  private func operand(_ facts: FieldValues) -> (operand: TracedOperand, trace: ConditionTrace?) {
    switch self {
    case .field(let field): return (TracedOperand(field: field, value: facts.evaluate(field)), nil)
    case .literal(let literal): return (TracedOperand(field: nil, value: .literal(literal)), nil)
    default:
      let trace = trace(facts)
      return (TracedOperand(field: nil, value: .boolean(trace.value ?? false)), trace)
    }
  }

  /// -1, 0 or 1; `nil` when the values cannot be compared (another currency).
  private static func compare(_ a: TracedValue, _ b: TracedValue, notes: inout [String]) -> Int? {
    switch (normalize(a), normalize(b)) {
    case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.text(let x), .text(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.money(let x), .money(let y)):
      return x == y ? 0 : (x < y ? -1 : 1)
    case (.money(let x), .literal(let literal)):
      return compare(x, literal, notes: &notes)
    case (.literal(let literal), .money(let y)):
      return compare(y, literal, notes: &notes).map { -$0 }
    default:
      return nil
    }
  }

  private static func compare(_ money: Money, _ literal: Literal, notes: inout [String]) -> Int? {
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
  private static func normalize(_ value: TracedValue) -> TracedValue {
    guard case .literal(let literal) = value else { return value }
    switch literal {
    case .boolean(let x): return .boolean(x)
    case .integer(let x): return .integer(x)
    case .text(let x): return .text(x)
    case .amount, .money: return value
    }
  }
}
