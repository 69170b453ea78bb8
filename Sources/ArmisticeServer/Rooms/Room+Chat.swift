import ArmisticeWire

extension Room {
    /// The newest chat messages an audience reads, oldest first: at most `entries` of them and about `bytes` of
    /// text, so a snapshot stays small however much was said (everything said stays in the log).
    func recentChat(for audience: Audience, entries: Int, bytes: Int) -> [ChatEntry] {
        var picked: [ChatEntry] = []
        var used = 0
        for entry in chat.reversed() where picked.count < entries {
            guard let channel = ChatChannel(entry.channel, teams: teamIDs),
                  channel.audiences(teamCount: teamIDs.count).contains(audience) else { continue }
            used += entry.text.utf8.count + entry.name.utf8.count + entry.channel.utf8.count + entry.seat.utf8.count + 64
            if used > bytes { break }
            picked.append(entry)
        }
        return picked.reversed()
    }
}
