/// Every condition of a cadence compiled once into a flat array of nodes that can be asked, for
/// one invoice, both "does it hold on day t?" and "on which first day from t does it hold (or
/// stop holding)?".
///
/// The second question is what makes `next` cheap. Each leaf reads one quantity whose days are
/// found without visiting them one by one: `days-overdue` only grows, so its answer is one
/// interval (or, for `in`, a few) found by arithmetic; amounts owed move both ways (a payment
/// lowers them, a charge raises them, interest accrues), but only grow between the few days
/// they jump, so their answer is searched stretch by stretch, with a binary search inside each
/// (``AmountsTimeline/firstDay(_:from:through:where:_:)``). `and`, `or` and `not` combine those
/// answers without visiting the days in between, so finding the next day a condition holds
/// costs a number of steps that grows with the condition's size and the invoice's dated facts,
/// never with the number of days.
///
/// Days are counted since the epoch; `Int.max` means "never".
struct ConditionProgram: Sendable {
  /// One node; children are indices of earlier nodes. Every payload is a plain integer, so
  /// reading a node costs no reference counting.
  enum Node: Sendable {
    case constant(Bool)
    case not(Int)
    case and(Int, Int)
    case or(Int, Int)
    /// `days-overdue OP k`.
    case daysOverdue(ComparisonOperator, Int)
    /// `days-overdue in [...]`: a range of ``ConditionProgram/integers``, sorted and unique.
    case daysOverdueIn(Range<Int>)
    /// `balance OP x` (or another amount owed), `x` an index of ``ConditionProgram/amounts``.
    case owed(AmountsTimeline.Quantity, ComparisonOperator, Int)
    /// `balance in [...]`: a range of ``ConditionProgram/amounts``.
    case owedIn(AmountsTimeline.Quantity, Range<Int>)
    /// Two amounts owed compared (`interest > fees`): both move, so the days it holds are found
    /// by walking the knots, each stretch decided at its ends.
    case owedPair(AmountsTimeline.Quantity, ComparisonOperator, AmountsTimeline.Quantity)
    /// `promised`: a promise stands and the invoice is not paid.
    case promised
    /// Collection has stopped for good: paid, a closed status, or a `write off` in the history.
    case closed
    /// Something that does not change with the day: an index of ``ConditionProgram/invariants``.
    case invariant(Int)
    /// An account field compared with a value: for an amount, an index of
    /// ``ConditionProgram/amounts``; for a count or days, the whole number itself.
    case account(AccountQuantity, ComparisonOperator, Int)
  }

  /// A money value a balance is compared with.
  enum MoneyOperand: Sendable {
    /// A number in the invoice's currency.
    case amount(ScaledAmount)
    /// An amount with its currency: comparisons with another currency are false.
    case money(ScaledAmount, Currency)
    /// The invoice's `amount` field.
    case invoiceAmount
  }

  /// A test whose answer depends only on the invoice, not on the day. Text and amounts are
  /// indices of the program's pools, so the tests are plain values that cost no reference
  /// counting to read.
  enum InvariantTest: Sendable {
    /// `tagged "x"`: an index of ``ConditionProgram/texts``.
    case tagged(Int)
    case disputed
    /// A text field compared with a text of ``ConditionProgram/texts``.
    case text(Field, ComparisonOperator, Int)
    case textFields(Field, ComparisonOperator, Field)
    /// A text field in a range of ``ConditionProgram/texts``.
    case textIn(Field, Range<Int>)
    /// `amount` compared with an element of ``ConditionProgram/amounts``.
    case amount(ComparisonOperator, Int)
    /// `amount` in a range of ``ConditionProgram/amounts``.
    case amountIn(Range<Int>)
  }

  private(set) var nodes: [Node] = []
  private(set) var integers: [Int] = []
  private(set) var amounts: [MoneyOperand] = []
  private(set) var invariants: [InvariantTest] = []
  private(set) var texts: [String] = []
  /// Whether some condition reads an account field: only then are an invoice's peers gathered.
  private(set) var readsAccount = false

  /// Adds texts to the pool and returns their range.
  private mutating func addTexts(_ values: [String]) -> Range<Int> {
    let start = texts.count
    texts += values
    return start..<texts.count
  }

  /// Adds whole numbers to the pool and returns their range.
  private mutating func addIntegers(_ values: [Int]) -> Range<Int> {
    let start = integers.count
    integers += values
    return start..<integers.count
  }

  /// Adds amounts to the pool and returns their range.
  private mutating func addAmounts(_ values: [MoneyOperand]) -> Range<Int> {
    let start = amounts.count
    amounts += values
    return start..<amounts.count
  }

  /// Adds a test that does not depend on the day and returns its node.
  mutating func add(_ test: InvariantTest) -> Int {
    invariants.append(test)
    return add(.invariant(invariants.count - 1))
  }

  /// Adds a `balance OP operand` leaf (or another amount owed).
  private mutating func addOwed(
    _ quantity: AmountsTimeline.Quantity, _ op: ComparisonOperator, _ operand: MoneyOperand
  ) -> Int {
    add(.owed(quantity, op, addAmounts([operand]).lowerBound))
  }

  /// Adds a node and returns its index.
  mutating func add(_ node: Node) -> Int {
    if case .account = node { readsAccount = true }
    nodes.append(node)
    return nodes.count - 1
  }

  /// Compiles a checked expression and returns its root.
  mutating func compile(_ expression: Expression) -> Int {
    switch expression {
    case .literal(.boolean(let value)): return add(.constant(value))
    case .literal: return add(.constant(false))
    case .field(.disputed): return add(InvariantTest.disputed)
    case .field(.promised): return add(.promised)
    case .field: return add(.constant(false))
    case .tagged(let tag): return add(InvariantTest.tagged(addTexts([tag]).lowerBound))
    case .not(let inner): return add(.not(compile(inner)))
    case .and(let a, let b): return add(.and(compile(a), compile(b)))
    case .or(let a, let b): return add(.or(compile(a), compile(b)))
    case .comparison(let a, let op, let b): return compileComparison(a, op, b)
    case .membership(let subject, let list): return compileMembership(subject, list)
    }
  }

  /// What one side of a comparison reads.
  private enum Operand {
    /// An amount owed, which moves with the days.
    case owed(AmountsTimeline.Quantity)
    case amount, daysOverdue
    case account(AccountQuantity)
    case text(Field)
    case literal(Literal)
    case condition(Expression)

    init(_ expression: Expression) {
      switch expression {
      case .field(.balance): self = .owed(.total)
      case .field(.principal): self = .owed(.principal)
      case .field(.fees): self = .owed(.fees)
      case .field(.interest): self = .owed(.interest)
      case .field(.amount): self = .amount
      case .field(.daysOverdue): self = .daysOverdue
      case .field(let field) where field.isAccountField: self = AccountQuantity(field).map(Operand.account) ?? .amount
      case .field(let field) where field.type == .text: self = .text(field)
      case .literal(let literal): self = .literal(literal)
      default: self = .condition(expression)
      }
    }
  }

  private mutating func compileComparison(_ a: Expression, _ op: ComparisonOperator, _ b: Expression) -> Int {
    switch (Operand(a), Operand(b)) {
    case (.literal(let x), .literal(let y)):
      return add(.constant(ConditionProgram.compareLiterals(x, y).map(op.accepts) ?? false))
    case (.literal, _): return compileComparison(b, op.flipped, a)
    case (.owed(let quantity), .literal(let literal)):
      return MoneyOperand(literal).map { addOwed(quantity, op, $0) } ?? add(.constant(false))
    case (.owed(let quantity), .amount): return addOwed(quantity, op, .invoiceAmount)
    case (.amount, .owed(let quantity)): return addOwed(quantity, op.flipped, .invoiceAmount)
    case (.owed(let a), .owed(let b)) where a == b: return add(.constant(op.accepts(0)))
    case (.amount, .amount), (.daysOverdue, .daysOverdue):
      return add(.constant(op.accepts(0)))
    case (.owed(let a), .owed(let b)):
      return add(.owedPair(a, op, b))
    case (.amount, .literal(let literal)):
      return MoneyOperand(literal).map { add(InvariantTest.amount(op, addAmounts([$0]).lowerBound)) }
        ?? add(.constant(false))
    case (.daysOverdue, .literal(.integer(let k))): return add(.daysOverdue(op, k))
    case (.account(let quantity), .literal(.integer(let k))) where !quantity.isMoney:
      return add(.account(quantity, op, k))
    case (.account(let quantity), .literal(let literal)) where quantity.isMoney:
      return MoneyOperand(literal).map { add(.account(quantity, op, addAmounts([$0]).lowerBound)) }
        ?? add(.constant(false))
    case (.account(let quantity), .amount) where quantity.isMoney:
      return add(.account(quantity, op, addAmounts([.invoiceAmount]).lowerBound))
    case (.amount, .account): return compileComparison(b, op.flipped, a)
    case (.account(let x), .account(let y)) where x == y: return add(.constant(op.accepts(0)))
    case (.text(let field), .literal(.text(let text))):
      return add(InvariantTest.text(field, op, addTexts([text]).lowerBound))
    case (.text(let f), .text(let g)): return add(InvariantTest.textFields(f, op, g))
    case (.condition, _), (_, .condition):
      return compileBooleanComparison(a, op, b)
    default:
      return add(.constant(false))
    }
  }

  /// `A OP B` on truth values, where false < true: rewritten with `and`, `or` and `not`.
  private mutating func compileBooleanComparison(_ a: Expression, _ op: ComparisonOperator, _ b: Expression) -> Int {
    let x = compile(a)
    let y = compile(b)
    switch op {
    case .equal: return add(.or(add(.and(x, y)), add(.and(add(.not(x)), add(.not(y))))))
    case .notEqual: return add(.or(add(.and(x, add(.not(y)))), add(.and(add(.not(x)), y))))
    case .less: return add(.and(add(.not(x)), y))
    case .lessOrEqual: return add(.or(add(.not(x)), y))
    case .greater: return add(.and(x, add(.not(y))))
    case .greaterOrEqual: return add(.or(x, add(.not(y))))
    }
  }

  private mutating func compileMembership(_ subject: Expression, _ list: [Literal]) -> Int {
    switch Operand(subject) {
    case .daysOverdue:
      let values = Set(
        list.compactMap { literal -> Int? in
          if case .integer(let k) = literal { return k } else { return nil }
        }
      ).sorted()
      return add(.daysOverdueIn(addIntegers(values)))
    case .owed(let quantity):
      return add(.owedIn(quantity, addAmounts(list.compactMap(MoneyOperand.init))))
    case .amount:
      return add(InvariantTest.amountIn(addAmounts(list.compactMap(MoneyOperand.init))))
    case .account:
      // `account.open-invoices in [1, 2]`: one equality per value.
      let equalities = list.map { compileComparison(subject, .equal, .literal($0)) }
      guard var result = equalities.first else { return add(.constant(false)) }
      for other in equalities.dropFirst() { result = add(.or(result, other)) }
      return result
    case .text(let field):
      return add(
        InvariantTest.textIn(
          field, addTexts(list.compactMap { if case .text(let t) = $0 { return t } else { return nil } })))
    case .literal(let literal):
      return add(.constant(list.contains { ConditionProgram.compareLiterals(literal, $0) == 0 }))
    case .condition(let expression):
      let wantsTrue = list.contains { if case .boolean(true) = $0 { return true } else { return false } }
      let wantsFalse = list.contains { if case .boolean(false) = $0 { return true } else { return false } }
      switch (wantsTrue, wantsFalse) {
      case (true, true): return add(.constant(true))
      case (true, false): return compile(expression)
      case (false, true): return add(.not(compile(expression)))
      case (false, false): return add(.constant(false))
      }
    }
  }

  /// Compares two literals as the interpreter does: plain values compare, amounts do not.
  private static func compareLiterals(_ a: Literal, _ b: Literal) -> Int? {
    switch (a, b) {
    case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.text(let x), .text(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    default: return nil
    }
  }
}

extension ConditionProgram.MoneyOperand {
  init?(_ literal: Literal) {
    switch literal {
    case .amount(let value): self = .amount(ScaledAmount(value))
    case .money(let value, let currency): self = .money(ScaledAmount(value), currency)
    default: return nil
    }
  }
}

/// A literal amount scaled once, when the cadence is compiled, to the minor units of every
/// currency scale (0 to 4 decimals, as ISO 4217 has them), so that comparing it with a balance
/// is one integer comparison. An amount with more decimals than a scale, or too large for it,
/// is compared exactly as a decimal instead.
struct ScaledAmount: Sendable {
  let decimal: ExactDecimal
  /// Per scale 0…4: the amount in minor units, or `nil` when it is not a whole number of them.
  private let scaled: (Int64?, Int64?, Int64?, Int64?, Int64?)

  init(_ decimal: ExactDecimal) {
    self.decimal = decimal
    func at(_ scale: Int) -> Int64? {
      guard decimal.scale <= scale else { return nil }
      return try? decimal.rescaled(to: scale, rounding: .halfEven).significand
    }
    scaled = (at(0), at(1), at(2), at(3), at(4))
  }

  /// The amount in minor units of a currency with `scale` decimals, when it is a whole number of
  /// them.
  func minorUnits(scale: Int) -> Int64? {
    switch scale {
    case 0: return scaled.0
    case 1: return scaled.1
    case 2: return scaled.2
    case 3: return scaled.3
    case 4: return scaled.4
    default: return nil
    }
  }
}
