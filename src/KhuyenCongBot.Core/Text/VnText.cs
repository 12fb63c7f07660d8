using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>Folds Vietnamese text for matching: NFC, lower case, no diacritics, "đ" to "d", single spaces.</summary>
public static class VnText
{
    /// <summary>Folds text: "Bao nhiêu GIAN HÀNG  từ đầu năm?" -> "bao nhieu gian hang tu dau nam?".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        var lastSpace = true;
        foreach (var ch in text)
        {
            // Combining marks (text typed in decomposed form) are dropped; precomposed letters are mapped
            // through an explicit table, since invariant globalization mode does not decompose them.
            if (ch is >= '\u0300' and <= '\u036F')
            {
                continue;
            }
            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                < '\u00C0' => char.ToLowerInvariant(ch),
                _ => Unaccent(ch),
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                    lastSpace = true;
                }
                continue;
            }
            sb.Append(c);
            lastSpace = false;
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
    private static readonly Dictionary<char, char> UnaccentMap = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>(Accented.Length);
        for (var i = 0; i < Accented.Length; i++)
        {
            map[Accented[i]] = Plain[i];
        }
        return map;
    }

    /// <summary>"ệ" -> 'e', "Ả" -> 'a'; other characters lower-cased.</summary>
    private static char Unaccent(char ch) => UnaccentMap.TryGetValue(ch, out var plain) ? plain : char.ToLowerInvariant(ch);

    /// <summary>Folds and keeps only letters, digits and single spaces: "Thanh Hoá," -> "thanh hoa".</summary>
    public static string FoldWords(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var lastSpace = true;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                sb.Append(' ');
                lastSpace = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    /// <summary>A URL-safe id from a name: "Vĩnh Phúc" -> "vinh-phuc".</summary>
    public static string Slug(string name) => FoldWords(name).Replace(' ', '-');

    /// <summary>Whether <paramref name="foldedText"/> contains <paramref name="foldedPhrase"/> as whole words.</summary>
    public static bool ContainsWords(string foldedText, string foldedPhrase)
    {
        if (foldedPhrase.Length == 0)
        {
            return false;
        }
        var index = 0;
        while ((index = foldedText.IndexOf(foldedPhrase, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(foldedText[index - 1]);
            var end = index + foldedPhrase.Length;
            var after = end == foldedText.Length || !char.IsLetterOrDigit(foldedText[end]);
            if (before && after)
            {
                return true;
            }
            index++;
        }
        return false;
    }
}
