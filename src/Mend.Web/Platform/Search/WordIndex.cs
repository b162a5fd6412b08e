namespace Mend.Web.Platform.Search;

/// <summary>
/// The vocabulary of recorded name words, held in memory so that the words close to a typed word are
/// found in microseconds: each word is filed under itself and every form of it with one letter
/// removed, so a typed word finds, through its own such forms, the words one or two edits away
/// (a letter wrong, missing, added, or two letters swapped); words it begins are found in the sorted
/// list. <see cref="NameMatch.WordScore"/> then decides which are close enough.
/// Words saved on this node are added at once; words saved on other nodes arrive when the vocabulary
/// is read again from the database, at most a minute later.
/// </summary>
public sealed class WordIndex(TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Dictionary<string, List<string>> _byForm = new(StringComparer.Ordinal);
    private List<string> _sorted = [];
    private HashSet<string> _words = new(StringComparer.Ordinal);
    private DateTime? _loadedAt;

    public bool NeedsLoading => _loadedAt is not { } at || clock.GetUtcNow().UtcDateTime - at >= RefreshAfter;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _words.Count;
            }
        }
    }

    /// <summary>
    /// Reads the vocabulary when it has never been read (callers wait) or is over a minute old (one
    /// caller reads it again; the others go on with what is here).
    /// </summary>
    public async Task EnsureLoadedAsync(Func<Task<List<string>>> read)
    {
        if (!NeedsLoading)
        {
            return;
        }

        var first = _loadedAt is null;
        if (!first && !await _loading.WaitAsync(0))
        {
            return;
        }

        if (first)
        {
            await _loading.WaitAsync();
        }

        try
        {
            if (NeedsLoading)
            {
                Load(await read());
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Replaces the vocabulary with the words read from the database.</summary>
    public void Load(IEnumerable<string> words)
    {
        var byForm = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (all.Add(word))
            {
                File(byForm, word);
            }
        }

        var sorted = all.Order(StringComparer.Ordinal).ToList();
        lock (_gate)
        {
            // Words added on this node while the database was being read are kept.
            foreach (var word in _words.Where(w => !all.Contains(w)))
            {
                all.Add(word);
                File(byForm, word);
                sorted.Insert(~sorted.BinarySearch(word, StringComparer.Ordinal), word);
            }

            (_byForm, _sorted, _words, _loadedAt) = (byForm, sorted, all, clock.GetUtcNow().UtcDateTime);
        }
    }

    public void Add(IEnumerable<string> words)
    {
        lock (_gate)
        {
            foreach (var word in words)
            {
                if (_words.Add(word))
                {
                    File(_byForm, word);
                    _sorted.Insert(~_sorted.BinarySearch(word, StringComparer.Ordinal), word);
                }
            }
        }
    }

    /// <summary>
    /// Recorded words close to any of the typed variants, by <see cref="NameMatch.WordScore"/>. The work under the
    /// lock is a look-up per form of each variant, and a word longer than <see cref="MaxTypoLength"/> has only itself
    /// as a form, so no typed text, however long, can hold the lock that saving a person also needs.
    /// </summary>
    public List<string> Close(IReadOnlyCollection<string> variants)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var forms = variants.SelectMany(FormsOf).Distinct().ToList();
        lock (_gate)
        {
            foreach (var form in forms)
            {
                if (_byForm.TryGetValue(form, out var words))
                {
                    found.UnionWith(words);
                }
            }

            foreach (var variant in variants)
            {

                if (variant.Length >= 3)
                {
                    var at = _sorted.BinarySearch(variant, StringComparer.Ordinal);
                    for (var i = at < 0 ? ~at : at; i < _sorted.Count && _sorted[i].StartsWith(variant, StringComparison.Ordinal); i++)
                    {
                        found.Add(_sorted[i]);
                    }
                }
            }
        }

        return found.Where(w => variants.Any(v => NameMatch.WordScore(v, w) >= NameMatch.SearchThreshold)).ToList();
    }

    private static void File(Dictionary<string, List<string>> byForm, string word)
    {
        foreach (var form in FormsOf(word))
        {
            if (!byForm.TryGetValue(form, out var words))
            {
                byForm[form] = words = [];
            }

            if (!words.Contains(word))
            {
                words.Add(word);
            }
        }
    }

    /// <summary>
    /// Longest word that is filed and looked up with its one-letter-removed forms (whose number and length grow with
    /// the word's, so their cost with its square); longer words, which no recorded name has, are matched as they are.
    /// </summary>
    public const int MaxTypoLength = 40;

    /// <summary>The word itself and the word with each one letter removed (one-letter and very long words only themselves).</summary>
    private static IEnumerable<string> FormsOf(string word)
    {
        yield return word;
        if (word.Length is < 2 or > MaxTypoLength)
        {
            yield break;
        }

        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
        }
    }
}
