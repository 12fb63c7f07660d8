using KhuyenCongBot.Core.Conversations.Pipeline;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// The channel-agnostic bot: runs each message through the <see cref="IMessageStep"/>s registered in order by
/// <see cref="ServiceCollectionExtensions.AddKhuyenCongCore"/> (clean the input, group bookkeeping, flood control, one message
/// at a time per person, de-duplicate, identify, load the state, describe the group, commit, route). See docs/architecture.md.
/// </summary>
public sealed class BotEngine : IBotEngine
{
    /// <summary>Longest text the bot reads; longer messages are refused politely.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Known members of a group checked one by one with the channel; a larger group gets no figures (ask in private).</summary>
    public const int MaxGroupMembersChecked = 50;

    private readonly MessageRouter _router;
    private readonly MessageStepDelegate _pipeline;

    public BotEngine(IEnumerable<IMessageStep> steps, MessageRouter router)
    {
        _router = router;
        MessageStepDelegate pipeline = _ => Task.FromResult<IReadOnlyList<Reply>>([]);
        foreach (var step in steps.Reverse())
        {
            var next = pipeline;
            pipeline = context => step.InvokeAsync(context, next);
        }
        _pipeline = pipeline;
    }

    /// <summary>All commands, in module order, for /help and the channel menus.</summary>
    public IEnumerable<BotCommand> Commands => _router.Commands;

    public IReadOnlyList<IBotModule> Modules => _router.Modules;

    public IReadOnlyList<(string Command, string Description)> MenuCommands(string language) =>
        Commands.Where(c => c.InMenu)
            .SelectMany(c => new[] { (c.Name, language == "en" ? c.DescriptionEn : c.DescriptionVi) })
            .ToList();

    public Task<IReadOnlyList<Reply>> HandleAsync(Incoming message, CancellationToken cancellationToken = default) =>
        _pipeline(new MessageContext(message, cancellationToken));
}
