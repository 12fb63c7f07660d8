using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Support;

/// <summary>The seeds' texts (seeds/texts), for tests that render or compare replies without a harness.</summary>
public static class TestTexts
{
    private static readonly Lazy<UserTexts> Loaded = new(() => UserTexts.Load(SeedFiles.Locate(null)));

    public static UserTexts Seeds => Loaded.Value;
}
