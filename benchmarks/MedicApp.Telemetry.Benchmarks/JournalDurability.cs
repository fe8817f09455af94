namespace MedicApp.Telemetry.Benchmarks;

/// <summary>What a <see cref="JournalEventSink"/> waits for before <see cref="IEventSink.Emit"/> returns.</summary>
public enum JournalDurability
{
    /// <summary>
    /// The line is handed to the operating system (<c>write</c>) and stays in its page cache: it survives the process
    /// being killed, not a power loss or a crash of the machine.
    /// </summary>
    Write,

    /// <summary>The line is written, then <c>fsync</c> (<c>FileStream.Flush(true)</c>) waits until the disk has it: it survives a power loss.</summary>
    WriteAndFsync,

    /// <summary>
    /// The file is opened with <see cref="System.IO.FileOptions.WriteThrough"/> (<c>O_SYNC</c>): each write returns once
    /// the disk has the line, as with <see cref="WriteAndFsync"/> but in one system call.
    /// </summary>
    WriteThrough,

    /// <summary>
    /// Group commit: every line is written, and every <see cref="JournalEventSink.GroupSize"/>th one waits for an
    /// <c>fsync</c> of the group. Up to that many events returned before they were on the disk, and a power loss can
    /// take them.
    /// </summary>
    WriteAndFsyncPerGroup,
}
