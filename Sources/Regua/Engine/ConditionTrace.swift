/// How a condition was decided on one day: every sub-expression with its truth, and every
/// comparison with the values its operands had, as the engine saw them.
///
/// Short-circuit honest: the right side of an `and` whose left side is false, or of an `or` whose
/// left side is true, is not evaluated, and its trace says so (``value`` is `nil`, with no
/// operands and no children). Build one with ``Condition/trace(_:)``.
///
/// A trace names each sub-expression by where it is written in the condition (``span``) rather
/// than writing it again: the whole condition is written once, by the root's ``line``, and each
/// part by its own ``partLine``, so a trace's text grows with the condition, not with its
/// length times its depth.
///
/// ```swift
/// let trace = condition.trace(values)
/// print(trace.line)   // balance 320.00 >= 500.00 → false
/// ```
public struct ConditionTrace: Sendable, Hashable {
  /// The sub-expression traced.
  public var expression: Expression
  /// Its truth, or `nil` when it was not evaluated (short-circuited).
  public var value: Bool?
  /// For a comparison or an `in`: its operands, left to right, with their values (the list of an
  /// `in` is not repeated here; it is in ``expression``).
  public var operands: [TracedOperand]
  /// The traces of the sub-conditions: both sides of `and` and `or`, the operand of `not`, and
  /// any boolean sub-expression a comparison compares.
  public var children: [ConditionTrace]
  /// Why a comparison is false whatever the values, such as an amount in another currency.
  public var note: String?
  /// Where the sub-expression is written in the whole condition's text (``Condition/description``,
  /// the root's ``expression`` printed): offsets in Unicode scalars, parentheses around it
  /// excluded. The root's span is the whole text. Set by ``Condition/trace(_:)``; `nil` for a
  /// trace built by hand.
  public var span: Range<Int>?

  /// Creates a trace.
  public init(
    expression: Expression, value: Bool?, operands: [TracedOperand] = [], children: [ConditionTrace] = [],
    note: String? = nil, span: Range<Int>? = nil
  ) {
    self.expression = expression
    self.value = value
    self.operands = operands
    self.children = children
    self.note = note
    self.span = span
  }

  /// Whether the sub-expression was evaluated.
  public var isEvaluated: Bool { value != nil }

  /// Every note of the evaluated sub-expressions, outermost first, each once.
  public var notes: [String] {
    var found: [String] = []
    func visit(_ trace: ConditionTrace) {
      guard trace.isEvaluated else { return }
      if let note = trace.note, !found.contains(note) { found.append(note) }
      trace.children.forEach(visit)
    }
    visit(self)
    return found
  }

  /// The sub-expression with the values it saw and its truth, on one line:
  /// `balance 320.00 >= 500.00 → false`, `days-overdue 12 >= 10 → true`,
  /// `tagged "vip" → false`, `customer.segment "smb" in ["enterprise"] → false`; an `and`, `or`
  /// or `not` as written (`balance >= 500.00 and tagged "vip" → false`), its parts in
  /// ``children``; `(not evaluated)` for a short-circuited one.
  ///
  /// Amounts are written exactly, with their currency when the comparison names one. Input
  /// text is escaped with ``SafeText/escaped(_:)``.
  public var line: String {
    let text: String
    switch expression {
    case .comparison(_, let op, _) where operands.count == 2:
      let showCurrency = operands.contains { $0.value.namesCurrency }
      text = operands[0].text(currency: showCurrency) + " \(op.rawValue) " + operands[1].text(currency: showCurrency)
    case .membership(_, let list) where operands.count == 1:
      let showCurrency = operands[0].value.namesCurrency || list.contains { TracedValue.literal($0).namesCurrency }
      text =
        operands[0].text(currency: showCurrency) + " in [" + list.map(\.description).joined(separator: ", ") + "]"
    default:
      text = ExpressionPrinter.print(expression)
    }
    return SafeText.escaped(text + " " + outcome)
  }

  /// The trace's line as a part of its condition: ``line`` for a part without parts of its own
  /// (a comparison, a field, a short-circuited sub-expression), and for an `and`, `or` or `not`
  /// only its connective and truth — `… and … → false`, `… or … → true`, `not … → true` — its
  /// parts being in ``children`` (and its text at ``span``); a `not` of a part without parts is
  /// written whole (`not disputed → true`). The root's ``line`` writes the
  /// whole condition once; writing every part with ``partLine`` under it keeps the text linear
  /// in the condition's length.
  public var partLine: String {
    guard !children.isEmpty else { return line }
    switch expression {
    case .and: return "… and … " + outcome
    case .or: return "… or … " + outcome
    // `not disputed` is as short as its part: written whole, its part is written twice at most.
    case .not where children.allSatisfy(\.children.isEmpty): return line
    case .not: return "not … " + outcome
    default: return line
    }
  }

  private var outcome: String { value.map { $0 ? "→ true" : "→ false" } ?? "(not evaluated)" }
}

/// One operand of a traced comparison: the field it reads, if any, and its value.
public struct TracedOperand: Sendable, Hashable {
  /// The field read, or `nil` for a literal or a sub-condition.
  public var field: Field?
  /// The value the engine compared.
  public var value: TracedValue

  /// Creates an operand.
  public init(field: Field?, value: TracedValue) {
    self.field = field
    self.value = value
  }

  /// `balance 320.00`, `500.00`, `customer.kind "person"`.
  func text(currency: Bool) -> String {
    let value = value.text(currency: currency)
    return field.map { "\($0.rawValue) \(value)" } ?? value
  }
}

/// A value a condition compares: a field's value on the day, or a literal as written.
public enum TracedValue: Sendable, Hashable {
  /// `true` or `false`.
  case boolean(Bool)
  /// A whole number (`days-overdue`).
  case integer(Int)
  /// An amount of money (`balance`, `amount`).
  case money(Money)
  /// Text (`customer.segment`).
  case text(String)
  /// A literal of the condition.
  case literal(Literal)

  /// Whether the value is a literal written with its currency (`500.00 EUR`).
  var namesCurrency: Bool {
    if case .literal(.money) = self { return true }
    return false
  }

  /// The value as a person reads it; money with its currency only when `currency`.
  func text(currency: Bool) -> String {
    switch self {
    case .boolean(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .money(let money): return currency ? money.description : money.amountString
    case .text(let text): return text.quotedForRules
    case .literal(let literal): return literal.description
    }
  }
}

extension ConditionTrace: CustomStringConvertible {
  /// The trace's ``line``: `balance 320.00 >= 500.00 → false`.
  public var description: String { line }
}

extension TracedOperand: CustomStringConvertible {
  /// The field and its value, or the value: `balance 320.00`, `500.00 EUR`.
  public var description: String { text(currency: value.namesCurrency) }
}

extension TracedValue: CustomStringConvertible {
  /// The value as a trace writes it: `320.00`, `12`, `"smb"`, `500.00 EUR`.
  public var description: String { text(currency: namesCurrency) }
}
