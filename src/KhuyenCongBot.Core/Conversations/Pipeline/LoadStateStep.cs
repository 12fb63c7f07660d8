using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// Loads the person's <see cref="ConversationState"/> and builds the handlers' <see cref="BotContext"/>. In a group, a dialog
/// the person has open elsewhere is neither continued nor disturbed, and choices offered in another chat are not answered.
/// </summary>
internal sealed class LoadStateStep(
    ConversationStates states, IBotStore store, CatalogueIndex catalogue, BotClock clock, MessageRouter router, UserTexts texts, AccessPolicy? access = null)
    : IMessageStep
{
    public Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        var user = context.User!;
        var state = states.Load(user.Id);
        context.Saved = state;
        // In a group, a flow the person has open elsewhere (a form, /nguoidung) is neither continued nor disturbed: the message is
        // handled on a scratch state that is not kept, so nothing of the private conversation is shown or changed in the group.
        context.Aside = message.IsGroupChat && state.Flow is not null && !InChatOf(state, message);
        if (context.Aside)
        {
            state = new ConversationState { Id = user.Id };
        }
        else if (message.IsGroupChat && !InChatOf(state, message))
        {
            // Choices and prompts offered in another chat (a private /cuatoi list) are never repeated or answered in a group.
            state.LastChoices = [];
            state.LastPrompt = null;
        }
        context.Bot = new BotContext(message, user, state, store, catalogue, clock.Now, context.Language, router.Modules, texts, access);
        return next(context);
    }

    internal static bool InChatOf(ConversationState state, Incoming message) =>
        state.LastChannel == message.Channel && state.LastChatId == message.ChatId;
}
