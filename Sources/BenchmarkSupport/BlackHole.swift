/// Whether ``blackHole(_:)`` keeps the last value it was given.
///
/// Always `false` when benchmarking. It is a public mutable global of its own module, so the
/// optimiser compiling a caller cannot prove that it stays `false`, and so cannot drop the work
/// that produced a value handed to ``blackHole(_:)``.
nonisolated(unsafe) public var blackHoleKeepsValues = false

/// The last value kept, when ``blackHoleKeepsValues`` is `true`.
nonisolated(unsafe) private var keptValue: Any?

/// Consumes a value so that the optimiser must compute it.
///
/// Lives in a module of its own and is never inlined: a caller sees an opaque function that may
/// store its argument, so a benchmark's result cannot be optimised away. It allocates nothing
/// while ``blackHoleKeepsValues`` is `false`.
@inline(never)
public func blackHole<T>(_ value: T) {
  if blackHoleKeepsValues { keptValue = value }
}

/// Returns its argument through a function the optimiser cannot see into, so that a benchmark's
/// input is not constant-folded into the measured code.
@inline(never)
public func opaque<T>(_ value: T) -> T {
  if blackHoleKeepsValues { keptValue = value }
  return value
}
