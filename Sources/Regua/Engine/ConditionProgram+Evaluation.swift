/// What conditions read for one invoice during one evaluation.
struct ConditionInputs {
  private(set) var timeline: InvoiceTimeline
  /// The first day collection is stopped for good whatever the amounts (a `cancelled` or
  /// `written-off` status, or a `write off` step in the history), `Int.max` when never. Being
  /// paid stops it too, on the days nothing is owed.
  private(set) var closedDay: Int
  /// The answers of the program's tests that do not depend on the day.
  let invariants: InvariantAnswers
  /// The account's invoices in this invoice's currency, for the account fields; empty for an
  /// invoice evaluated alone, and when the cadence reads no account field.
  var peers: [AccountPeer] = []
  /// This invoice's position in ``peers``, which the account fields skip: its facts are this
  /// value's own, today's charges and write-off included once they count.
  var peerSelf = -1
  init(timeline: InvoiceTimeline, status: InvoiceStatus, writeOffDay: Int, invariants: InvariantAnswers) {
    self.timeline = timeline
    self.invariants = invariants
    let closedStatus = status == .cancelled || status == .writtenOff
    closedDay = closedStatus ? .min : writeOffDay
  }

  /// Reads a later write-off day: the history's, with a plan's `write off` recorded.
  mutating func close(writeOffDay: Int, status: InvoiceStatus) {
    closedDay = status == .cancelled || status == .writtenOff ? .min : writeOffDay
  }

  /// Counts the charges a plan fires too.
  mutating func count(_ fired: [CountedCharge], payments: [Payment], tables: [TableFactors]) {
    timeline = timeline.counting(fired, payments: payments, tables: tables)
  }

  /// Whether collection is stopped for good on `day`: paid, or closed.
  func isClosed(at day: Int) -> Bool { day >= closedDay || timeline.isPaid(at: day) }

  /// The first day on or after `day` on which collection is stopped for good, `Int.max` when
  /// none.
  func firstClosedDay(from day: Int) -> Int {
    if day >= closedDay { return day }
    return Swift.min(
      closedDay, timeline.firstDay(paid: true, from: day, through: closedDay == .max ? .max : closedDay - 1))
  }

  /// The first day on or after `day` on which collection is not stopped, `Int.max` when none.
  func firstOpenDay(from day: Int) -> Int {
    if day >= closedDay { return .max }
    return timeline.firstDay(paid: false, from: day, through: closedDay == .max ? .max : closedDay - 1)
  }
}

/// The answers, for one invoice, of a program's tests that do not depend on the day: computed
/// once per evaluation, read as bits.
struct InvariantAnswers {
  private var bits: UInt64 = 0
  private var more: [Bool] = []

  init(_ program: borrowing ConditionProgram, invoice: borrowing Invoice) {
    for (index, test) in program.invariants.enumerated() {
      let answer = program.answer(test, invoice)
      if index < 64 {
        if answer { bits |= 1 << UInt64(index) }
      } else {
        more.append(answer)
      }
    }
  }

  subscript(index: Int) -> Bool {
    index < 64 ? bits & (1 << UInt64(index)) != 0 : more[index - 64]
  }
}

extension ConditionProgram {
  /// Whether node `index` holds at the end of `day`.
  func holds(_ index: Int, at day: Int, _ inputs: ConditionInputs) -> Bool {
    switch nodes[index] {
    case .constant(let value): return value
    case .not(let a): return !holds(a, at: day, inputs)
    case .and(let a, let b): return holds(a, at: day, inputs) && holds(b, at: day, inputs)
    case .or(let a, let b): return holds(a, at: day, inputs) || holds(b, at: day, inputs)
    case .daysOverdue(let op, let k):
      let overdue = inputs.timeline.daysOverdue(at: day)
      return op.accepts(overdue == k ? 0 : (overdue < k ? -1 : 1))
    case .daysOverdueIn(let range):
      return position(of: inputs.timeline.daysOverdue(at: day), in: range).found
    case .owed(let quantity, let op, let operand):
      let amounts = inputs.timeline.amounts
      return ConditionProgram.order(amounts.value(quantity, at: day), self.amounts[operand], amounts).map(op.accepts)
        ?? false
    case .owedIn(let quantity, let range):
      let amounts = inputs.timeline.amounts
      let value = amounts.value(quantity, at: day)
      return self.amounts[range].contains { ConditionProgram.order(value, $0, amounts) == 0 }
    case .owedPair(let a, let op, let b):
      let amounts = inputs.timeline.amounts
      return op.accepts(Int((amounts.value(a, at: day) - amounts.value(b, at: day)).signum()))
    case .promised: return inputs.timeline.isPromised(at: day)
    case .closed: return inputs.isClosed(at: day)
    case .invariant(let test): return inputs.invariants[test]
    case .account(let quantity, let op, let operand):
      return accountOrder(quantity, operand, inputs)(inputs.accountValue(quantity, at: day)).map(op.accepts) ?? false
    }
  }

  /// Compares an account quantity's value with a leaf's operand: an element of ``amounts`` for
  /// an amount, the whole number itself for a count; `nil` for an amount in another currency.
  private func accountOrder(_ quantity: AccountQuantity, _ operand: Int, _ inputs: ConditionInputs) -> (Int64) -> Int? {
    guard quantity.isMoney else { return { $0 == Int64(operand) ? 0 : ($0 < Int64(operand) ? -1 : 1) } }
    let money = amounts[operand]
    let timeline = inputs.timeline.amounts
    return { ConditionProgram.order($0, money, timeline) }
  }

  /// The first day on or after `day` on which an account leaf `quantity OP operand` holds.
  private func nextAccountDay(
    _ quantity: AccountQuantity, _ op: ComparisonOperator, _ operand: Int, from day: Int, _ inputs: ConditionInputs
  ) -> Int {
    let order = accountOrder(quantity, operand, inputs)
    // A comparison with another currency never holds.
    guard order(0) != nil else { return .max }
    return inputs.firstAccountDay(quantity, from: day, where: op) { order($0) ?? 0 }
  }

  /// The first day on or after `day` on which node `index` holds, `Int.max` when none.
  func nextTrue(_ index: Int, from day: Int, _ inputs: ConditionInputs) -> Int {
    switch nodes[index] {
    case .constant(let value): return value ? day : .max
    case .not(let a): return nextFalse(a, from: day, inputs)
    case .and(let a, let b): return nextBoth(a, b, from: day, inputs, true)
    case .or(let a, let b): return Swift.min(nextTrue(a, from: day, inputs), nextTrue(b, from: day, inputs))
    case .daysOverdueIn(let range):
      let due = inputs.timeline.due
      let (found, position) = position(of: inputs.timeline.daysOverdue(at: day), in: range)
      if found { return day }
      return position < range.upperBound ? due.saturatingAdding(integers[position]) : .max
    case .owed(let quantity, let op, let operand):
      return nextDay(quantity, op, amounts[operand], from: day, inputs)
    case .owedIn(let quantity, let range):
      return amounts[range].reduce(Int.max) { Swift.min($0, nextDay(quantity, .equal, $1, from: day, inputs)) }
    case .owedPair(let a, let op, let b):
      return inputs.timeline.amounts.firstDay(comparing: a, b, from: day, where: op)
    case .promised: return inputs.timeline.firstDay(promised: true, from: day)
    case .closed: return inputs.firstClosedDay(from: day)
    case .invariant(let test): return inputs.invariants[test] ? day : .max
    case .daysOverdue: return stretch(index, inputs).nextTrue(day)
    case .account(let quantity, let op, let operand): return nextAccountDay(quantity, op, operand, from: day, inputs)
    }
  }

  /// The first day on or after `day` on which node `index` does not hold, `Int.max` when none.
  func nextFalse(_ index: Int, from day: Int, _ inputs: ConditionInputs) -> Int {
    switch nodes[index] {
    case .constant(let value): return value ? .max : day
    case .not(let a): return nextTrue(a, from: day, inputs)
    case .and(let a, let b): return Swift.min(nextFalse(a, from: day, inputs), nextFalse(b, from: day, inputs))
    case .or(let a, let b): return nextBoth(a, b, from: day, inputs, false)
    case .daysOverdueIn(let range):
      let (found, start) = position(of: inputs.timeline.daysOverdue(at: day), in: range)
      guard found else { return day }
      var last = start
      while last + 1 < range.upperBound, integers[last + 1] == integers[last] + 1 { last += 1 }
      return inputs.timeline.due.saturatingAdding(integers[last].saturatingAdding(1))
    case .owed(let quantity, let op, let operand):
      // A comparison with another currency never holds.
      let timeline = inputs.timeline.amounts
      guard ConditionProgram.order(timeline.invoiced, amounts[operand], timeline) != nil else { return day }
      return nextDay(quantity, op.negated, amounts[operand], from: day, inputs)
    case .owedIn(let quantity, let range):
      // The first day the amount equals none of the values: from each day on which it equals
      // one, jump to the first day it no longer does.
      var day = day
      var moved = true
      while moved, day != .max {
        moved = false
        for operand in amounts[range] where holdsEqual(quantity, operand, at: day, inputs) {
          day = nextDay(quantity, .notEqual, operand, from: day, inputs)
          moved = true
        }
      }
      return day
    case .owedPair(let a, let op, let b):
      return inputs.timeline.amounts.firstDay(comparing: a, b, from: day, where: op.negated)
    case .promised: return inputs.timeline.firstDay(promised: false, from: day)
    case .closed: return inputs.firstOpenDay(from: day)
    case .invariant(let test): return inputs.invariants[test] ? .max : day
    case .daysOverdue: return stretch(index, inputs).nextFalse(day)
    case .account(let quantity, let op, let operand):
      guard accountOrder(quantity, operand, inputs)(0) != nil else { return day }
      return nextAccountDay(quantity, op.negated, operand, from: day, inputs)
    }
  }

  /// The first day on or after `day` on which `a` and `b` both hold (`wanted` true) or both do
  /// not (`wanted` false): each side jumps to where it next agrees until they meet.
  private func nextBoth(_ a: Int, _ b: Int, from day: Int, _ inputs: ConditionInputs, _ wanted: Bool) -> Int {
    var day = day
    while true {
      let first = wanted ? nextTrue(a, from: day, inputs) : nextFalse(a, from: day, inputs)
      if first == .max { return .max }
      let second = wanted ? nextTrue(b, from: first, inputs) : nextFalse(b, from: first, inputs)
      if second == first || second == .max { return second }
      day = second
    }
  }

  /// The days a `days-overdue` leaf holds: the quantity only grows, so one interval.
  private func stretch(_ index: Int, _ inputs: ConditionInputs) -> Stretch {
    guard case .daysOverdue(let op, let k) = nodes[index] else { return Stretch(lo: 0, hi: 0, inside: true) }
    // days-overdue = max(0, t − due) only grows.
    let due = inputs.timeline.due
    let atLeast = k <= 0 ? Int.min : due.saturatingAdding(k)
    let above = k < 0 ? Int.min : due.saturatingAdding(k).saturatingAdding(1)
    return Stretch(growing: op, atLeast: atLeast, above: above)
  }

  /// The first day on or after `day` on which `quantity OP operand` holds, `Int.max` when none;
  /// never, when the operand is in another currency than the invoice's.
  private func nextDay(
    _ quantity: AmountsTimeline.Quantity, _ op: ComparisonOperator, _ operand: MoneyOperand, from day: Int,
    _ inputs: ConditionInputs
  ) -> Int {
    let amounts = inputs.timeline.amounts
    guard ConditionProgram.order(amounts.invoiced, operand, amounts) != nil else { return .max }
    return amounts.firstDay(quantity, from: day, where: op) { ConditionProgram.order($0, operand, amounts) ?? 0 }
  }

  /// Whether `quantity == operand` on `day`.
  private func holdsEqual(
    _ quantity: AmountsTimeline.Quantity, _ operand: MoneyOperand, at day: Int, _ inputs: ConditionInputs
  ) -> Bool {
    let amounts = inputs.timeline.amounts
    return ConditionProgram.order(amounts.value(quantity, at: day), operand, amounts) == 0
  }

  /// Where `value` is (or would be inserted) among the sorted integers of `range`.
  private func position(of value: Int, in range: Range<Int>) -> (found: Bool, index: Int) {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) / 2
      if integers[middle] < value { low = middle + 1 } else { high = middle }
    }
    return (low < range.upperBound && integers[low] == value, low)
  }

  /// Compares a balance in minor units with a money operand exactly: -1, 0 or 1; `nil` when the
  /// operand is in another currency (the comparison is then false).
  static func order(_ minorUnits: Int64, _ operand: MoneyOperand, _ amounts: AmountsTimeline) -> Int? {
    order(minorUnits, operand, invoiceAmount: amounts.invoiced, amounts.currency)
  }

  /// Compares an amount in minor units of `currency` with a money operand exactly.
  static func order(_ minorUnits: Int64, _ operand: MoneyOperand, invoiceAmount: Int64, _ currency: Currency) -> Int? {
    let literal: ScaledAmount
    switch operand {
    case .invoiceAmount:
      return minorUnits == invoiceAmount ? 0 : (minorUnits < invoiceAmount ? -1 : 1)
    case .amount(let value): literal = value
    case .money(let value, let other):
      guard other == currency else { return nil }
      literal = value
    }
    let scale = currency.minorUnits
    if let scaled = literal.minorUnits(scale: scale) {
      return minorUnits == scaled ? 0 : (minorUnits < scaled ? -1 : 1)
    }
    let money = ExactDecimal(significand: minorUnits, scale: scale)
    return money == literal.decimal ? 0 : (money < literal.decimal ? -1 : 1)
  }

  /// The answer of a test that does not depend on the day.
  func answer(_ test: InvariantTest, _ invoice: borrowing Invoice) -> Bool {
    let amount = invoice.amount.minorUnits
    let currency = invoice.amount.currency
    switch test {
    case .tagged(let index):
      return invoice.tags.contains(texts[index]) || invoice.customer.tags.contains(texts[index])
    case .disputed: return invoice.status == .disputed
    case .text(let field, let op, let index):
      let value = invoice.customer.text(of: field)
      return op.accepts(value == texts[index] ? 0 : (value < texts[index] ? -1 : 1))
    case .textFields(let f, let op, let g):
      let (x, y) = (invoice.customer.text(of: f), invoice.customer.text(of: g))
      return op.accepts(x == y ? 0 : (x < y ? -1 : 1))
    case .textIn(let field, let range):
      let value = invoice.customer.text(of: field)
      return texts[range].contains(value)
    case .amount(let op, let index):
      return ConditionProgram.order(amount, amounts[index], invoiceAmount: amount, currency).map(op.accepts) ?? false
    case .amountIn(let range):
      return amounts[range].contains { ConditionProgram.order(amount, $0, invoiceAmount: amount, currency) == 0 }
    }
  }
}

/// The days a leaf condition holds: `[lo, hi)` when `inside`, every other day when not.
struct Stretch {
  var lo: Int
  var hi: Int
  var inside: Bool

  init(lo: Int, hi: Int, inside: Bool) {
    self.lo = lo
    self.hi = hi
    self.inside = inside
  }

  /// The days `q OP k` holds for a quantity `q` that only grows, given the first day `q >= k`
  /// and the first day `q > k`.
  init(growing op: ComparisonOperator, atLeast: Int, above: Int) {
    switch op {
    case .greaterOrEqual: self.init(lo: atLeast, hi: .max, inside: true)
    case .greater: self.init(lo: above, hi: .max, inside: true)
    case .lessOrEqual: self.init(lo: .min, hi: above, inside: true)
    case .less: self.init(lo: .min, hi: atLeast, inside: true)
    case .equal: self.init(lo: atLeast, hi: above, inside: true)
    case .notEqual: self.init(lo: atLeast, hi: above, inside: false)
    }
  }

  func contains(_ day: Int) -> Bool { (lo <= day && day < hi) == inside }

  /// The first day on or after `day` on which the leaf holds, `Int.max` when none.
  func nextTrue(_ day: Int) -> Int {
    if lo >= hi { return inside ? .max : day }
    if inside { return day < hi ? Swift.max(day, lo) : .max }
    return day < lo || day >= hi ? day : hi
  }

  /// The first day on or after `day` on which the leaf does not hold, `Int.max` when none.
  func nextFalse(_ day: Int) -> Int {
    Stretch(lo: lo, hi: hi, inside: !inside).nextTrue(day)
  }
}
