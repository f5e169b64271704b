/// A Spirit's place on a ``MessageBus``: the bus and the name it sends and receives as. A
/// ``Seance`` gives one to each Spirit it summons; a Spirit loaded alone has none, and its
/// messaging functions then behave as for a Spirit with no one to talk to.
struct MessageEndpoint: Sendable {
    let bus: MessageBus
    let name: String
}
