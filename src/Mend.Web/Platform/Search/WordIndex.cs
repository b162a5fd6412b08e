namespace Mend.Web.Platform.Search;

/// <summary>
/// The vocabulary of recorded name words, held in memory so that the words close to a typed word are
/// found in microseconds: each word is filed under itself and every form of it with one letter
/// removed, so a typed word finds, through its own such forms, the words one or two edits away
/// (a letter wrong, missing, added, or two letters swapped); words it begins are found in the sorted
/// list. <see cref="NameMatch.WordScore"/> then decides which are close enough.
/// The forms are never kept as strings: each is a 64-bit hash in one sorted array beside the number of its word, about
/// 12 bytes a form (for 125,000 words, about 12 MB rather than the 150 MB a dictionary of strings took), built once a load;
/// a rare hash collision only adds a candidate that the score then leaves out.
/// Words saved on this node are added at once; words saved on other nodes arrive when the vocabulary
/// is read again from the database, at most a minute later: each minute the words are counted, and read again when their
/// number has changed or <see cref="ReadAtLeastEvery"/> has passed.
/// </summary>
public sealed class WordIndex(TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The words are read again at least this often even when their number has not changed: erasing a person removes the
    /// words nobody else has, so the same number can hide words gone and others come.
    /// </summary>
    public static readonly TimeSpan ReadAtLeastEvery = TimeSpan.FromMinutes(10);

    /// <summary>One load's words (sorted) and their forms' hashes (sorted, each beside its word's place in <see cref="Words"/>).</summary>
    private sealed record Snapshot(string[] Words, ulong[] Forms, int[] FormWords)
    {
        public static readonly Snapshot Empty = new([], [], []);
    }

    private readonly object _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot _snapshot = Snapshot.Empty;

    // Words added on this node since the last load: few, so kept simply until the next load takes them in.
    private readonly Dictionary<ulong, List<string>> _addedByForm = [];
    private readonly List<string> _addedSorted = [];
    private DateTime? _loadedAt;
    private DateTime _readAt;
    private int _loadedFromDatabase = -1;

    public bool NeedsLoading => _loadedAt is not { } at || clock.GetUtcNow().UtcDateTime - at >= RefreshAfter;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _snapshot.Words.Length + _addedSorted.Count;
            }
        }
    }

    /// <summary>
    /// Reads the vocabulary when it has never been read (callers wait) or is over a minute old (one
    /// caller reads it again; the others go on with what is here). With <paramref name="count"/>, a refresh first asks how
    /// many words the database holds and reads them again only when that has changed (words are only ever added).
    /// </summary>
    public async Task EnsureLoadedAsync(Func<Task<List<string>>> read, Func<Task<int>>? count = null)
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
                if (!first && count is not null && clock.GetUtcNow().UtcDateTime - _readAt < ReadAtLeastEvery && await count() == _loadedFromDatabase)
                {
                    _loadedAt = clock.GetUtcNow().UtcDateTime;
                    return;
                }

                var words = await read();
                Load(words);
                (_loadedFromDatabase, _readAt) = (words.Count, clock.GetUtcNow().UtcDateTime);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Replaces the vocabulary with the words read from the database, keeping any added here since.</summary>
    public void Load(IEnumerable<string> words)
    {
        var read = words.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            // Words added on this node while the database was being read are kept.
            read.UnionWith(_addedSorted);
        }

        var snapshot = Build(read);
        lock (_gate)
        {
            var lateAdded = _addedSorted.Where(w => !read.Contains(w)).ToList();
            (_snapshot, _loadedAt) = (snapshot, clock.GetUtcNow().UtcDateTime);
            _addedByForm.Clear();
            _addedSorted.Clear();
            foreach (var word in lateAdded)
            {
                AddLocked(word);
            }
        }
    }

    public void Add(IEnumerable<string> words)
    {
        lock (_gate)
        {
            foreach (var word in words)
            {
                if (Array.BinarySearch(_snapshot.Words, word, StringComparer.Ordinal) < 0 && _addedSorted.BinarySearch(word, StringComparer.Ordinal) < 0)
                {
                    AddLocked(word);
                }
            }
        }
    }

    /// <summary>
    /// Recorded words close to any of the typed variants, by <see cref="NameMatch.WordScore"/>. The work under the
    /// lock is a look-up per form of each variant, and a word longer than <see cref="MaxTypoLength"/> has only itself
    /// as a form, so no typed text, however long, can hold the lock that saving a person also needs.
    /// </summary>
    /// <param name="completions">
    /// Whether words that begin with a variant count ("jon" for "jonathan"): true for what was typed, which may be the start
    /// of a name; false for a nickname, which is a whole word.
    /// </param>
    public List<string> Close(IReadOnlyCollection<string> variants, bool completions = true)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var forms = variants.SelectMany(FormsOf).Distinct().ToList();
        Snapshot snapshot;
        lock (_gate)
        {
            snapshot = _snapshot;
            foreach (var form in forms)
            {
                if (_addedByForm.TryGetValue(form, out var added))
                {
                    found.UnionWith(added);
                }
            }

            foreach (var variant in variants.Where(v => completions && v.Length >= 3))
            {
                var at = _addedSorted.BinarySearch(variant, StringComparer.Ordinal);
                for (var i = at < 0 ? ~at : at; i < _addedSorted.Count && _addedSorted[i].StartsWith(variant, StringComparison.Ordinal); i++)
                {
                    found.Add(_addedSorted[i]);
                }
            }
        }

        // The snapshot never changes once built, so it is read outside the lock.
        foreach (var form in forms)
        {
            var at = Array.BinarySearch(snapshot.Forms, form);
            if (at < 0)
            {
                continue;
            }

            while (at > 0 && snapshot.Forms[at - 1] == form)
            {
                at--;
            }

            for (; at < snapshot.Forms.Length && snapshot.Forms[at] == form; at++)
            {
                found.Add(snapshot.Words[snapshot.FormWords[at]]);
            }
        }

        foreach (var variant in variants.Where(v => completions && v.Length >= 3))
        {
            var at = Array.BinarySearch(snapshot.Words, variant, StringComparer.Ordinal);
            for (var i = at < 0 ? ~at : at; i < snapshot.Words.Length && snapshot.Words[i].StartsWith(variant, StringComparison.Ordinal); i++)
            {
                found.Add(snapshot.Words[i]);
            }
        }

        return found.Where(w => variants.Any(v => NameMatch.WordScore(v, w) >= NameMatch.SearchThreshold)).ToList();
    }

    private static Snapshot Build(IEnumerable<string> distinct)
    {
        var words = distinct.Order(StringComparer.Ordinal).ToArray();
        var forms = new List<ulong>(words.Length * 8);
        var owners = new List<int>(words.Length * 8);
        for (var w = 0; w < words.Length; w++)
        {
            foreach (var form in FormsOf(words[w]).Distinct())
            {
                forms.Add(form);
                owners.Add(w);
            }
        }

        var (formArray, ownerArray) = (forms.ToArray(), owners.ToArray());
        Array.Sort(formArray, ownerArray);
        return new Snapshot(words, formArray, ownerArray);
    }

    private void AddLocked(string word)
    {
        foreach (var form in FormsOf(word).Distinct())
        {
            if (!_addedByForm.TryGetValue(form, out var words))
            {
                _addedByForm[form] = words = [];
            }

            words.Add(word);
        }

        _addedSorted.Insert(~_addedSorted.BinarySearch(word, StringComparer.Ordinal), word);
    }

    /// <summary>
    /// Longest word that is filed and looked up with its one-letter-removed forms (whose number and length grow with
    /// the word's, so their cost with its square); longer words, which no recorded name has, are matched as they are.
    /// </summary>
    public const int MaxTypoLength = 40;

    /// <summary>The hashes of the word itself and of the word with each one letter removed (one-letter and very long words only themselves).</summary>
    private static IEnumerable<ulong> FormsOf(string word)
    {
        yield return Hash(word, -1);
        if (word.Length is < 2 or > MaxTypoLength)
        {
            yield break;
        }

        for (var i = 0; i < word.Length; i++)
        {
            yield return Hash(word, i);
        }
    }

    /// <summary>64-bit FNV-1a of the word's characters, leaving out the one at <paramref name="skip"/> (none when -1), without making the string.</summary>
    private static ulong Hash(string word, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < word.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ word[i]) * 1099511628211UL;
            }
        }

        return hash;
    }
}
