namespace Mend.Bench;

/// <summary>
/// Real names written out for the generator, where Bogus has none or too few: lists of common surnames and given names,
/// and the pieces from which surnames are composed (Mc and Mac with Gaelic stems, English place-name endings, Yoruba and
/// Igbo name elements, Tamil, Persian and Turkish elements). Comma-separated; names are facts, in the usual spellings.
/// </summary>
public static partial class NameLists
{
    /// <summary>Splits a comma-separated list, dropping empty entries and surrounding space.</summary>
    public static string[] Of(string list) =>
        list.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The commonest surnames of England and Wales in about their order, each with its culture (English where none is
    /// given). The first twenty are, give or take a place or two, the leaders of the comparative table of surnames for England
    /// and Wales (surnamestudies.org.uk, "Comparative Table of 300 Leading Surnames": deaths registered 1984–97 and the UK
    /// electoral register of 1996); the places of Patel, Khan, Singh, Begum, Ali, Hussain and Ahmed, which those sources
    /// predate or undercount, are approximate.
    /// </summary>
    public const string Head = """
        Smith, Jones:Welsh, Williams:Welsh, Taylor, Brown, Davies:Welsh, Evans:Welsh, Wilson, Thomas:Welsh, Johnson,
        Roberts:Welsh, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes:Welsh, Green, Hall, Lewis:Welsh, Harris,
        Clarke, Patel:South Asian, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker,
        Harrison, Morgan:Welsh, Allen, James, Scott, Phillips, Watson, Davis, Parker, Price:Welsh, Bennett, Young,
        Griffiths:Welsh, Mitchell, Kelly:Irish and Scottish, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw,
        Murphy:Irish and Scottish, Miller, Cox, Richards, Khan:South Asian, Marshall, Anderson, Simpson, Ellis, Adams,
        Singh:South Asian, Begum:South Asian, Wilkinson, Foster, Chapman, Powell:Welsh, Webb, Rogers, Gray, Mason,
        Ali:South Asian, Hunt, Hussain:South Asian, Campbell:Irish and Scottish, Matthews, Owen:Welsh, Palmer, Holmes, Mills,
        Barnes, Knight, Lloyd:Welsh, Butler, Russell, Barker, Fisher, Stevens, Jenkins:Welsh, Murray:Irish and Scottish,
        Dixon, Harvey, Graham, Pearson, Ahmed:South Asian, Fletcher, Walsh:Irish and Scottish, Gibson, Howard, Andrews,
        Stewart:Irish and Scottish, Elliott, Reynolds, Saunders, Payne, Fox, Ford, Pearce, Day, Brooks, West, Lawrence, Cole,
        Atkinson, Bradley, Spencer, Gill:South Asian, Dawson, Ball, Burton, O'Brien:Irish and Scottish, Watts, Rose, Booth,
        Perry, Ryan:Irish and Scottish, Grant, Wells, Armstrong, Francis, Rees:Welsh, Hayes, Hart, Hudson, Newman, Barrett,
        Webster, Hunter, Gregory, Carr, Lowe, Page, Marsh, Riley, Dunn, Woods, Parsons, Berry, Stone, Reid:Irish and Scottish,
        Holland, Hawkins, Harding, Porter, Robertson:Irish and Scottish, Newton, Oliver, Reed, Kennedy:Irish and Scottish,
        Williamson, Bird, Gardner, Shah:South Asian, Dean, Lane, Cooke, Bates, Henderson:Irish and Scottish, Parry:Welsh,
        Burgess, Bishop, Walton, Burns, Nicholson, Shepherd, Ross:Irish and Scottish, Cross, Long, Freeman, Warren, Nicholls,
        Hamilton:Irish and Scottish, Byrne:Irish and Scottish, Sutton, McDonald:Irish and Scottish, Yates, Hodgson, Robson,
        Curtis, Hopkins, O'Connor:Irish and Scottish, Harper, Coleman, Watkins:Welsh, Moss, McCarthy:Irish and Scottish,
        Chambers, O'Neill:Irish and Scottish, Griffin, Sharp, Hardy, Wheeler, Potter, Osborne, Johnston:Irish and Scottish,
        Gordon:Irish and Scottish, Doyle:Irish and Scottish, Wallace:Irish and Scottish, George, Jordan, Hutchinson, Rowe,
        Burke:Irish and Scottish, May, Pritchard:Welsh, Gilbert, Willis, Higgins, Read, Miles, Stevenson, Stephenson,
        Hammond, Arnold, Buckley, Walters, Hewitt, Barber, Nelson, Slater, Austin, Sullivan:Irish and Scottish, Whitehead,
        Mann, Frost, Lambert, Stephens, Blake, Akhtar:South Asian, Lynch:Irish and Scottish, Goodwin, Barton, Woodward,
        Thomson, Cunningham, Quinn:Irish and Scottish, Barnett, Baxter, Bibi:South Asian, Clayton, Nash, Greenwood, Jennings,
        Holt, Kemp, Poole, Gallagher:Irish and Scottish, Bond, Stokes, Tucker, Davidson, Fowler, Heath, Norman, Middleton,
        Lawson, Banks, French, Stanley, Jarvis, Gibbs, Ferguson:Irish and Scottish, Hayward, Carroll:Irish and Scottish,
        Douglas, Dickinson, Todd, Barlow, Peters, Lucas, Knowles, Hartley, Miah:South Asian, Simmons, Morton, Alexander,
        Field, Morrison, Norris, Townsend, Preston, Hancock, Thornton, Baldwin, Burrows, Briggs, Storey, Pugh:Welsh, Jacobs,
        Rahman:South Asian, Islam:South Asian, Iqbal:South Asian, Mahmood:South Asian
        """;

    /// <summary>More English surnames of England, the north, the south-west and Cornwall, roughly commonest first.</summary>
    public const string English = """
        Farmer, Sharpe, Hussey, Wade, Pope, Bryant, Fuller, Barry, Rowley, Dyer, Owens, Lamb, Hilton, Goodman, Abbott,
        Benson, Coates, Bowen, Metcalfe, Pratt, Howe, Parkinson, Hale, Howell, Kirby, Connolly, Carpenter, Whittaker,
        Manning, Kent, Rhodes, Sanderson, Howarth, Haynes, Glover, Bolton, Lord, Ingram, Hurst, Brennan, Humphries, Cartwright,
        Hobbs, Naylor, Dale, Vincent, Rowland, Sykes, Cooke, Haworth, Charlton, Bentley, Holden, Ashton, Sutcliffe, Kirk,
        Mellor, Hargreaves, Lester, Whitaker, Ashworth, Leach, Hooper, Rigby, Baines, Blackburn, Chadwick, Archer, Tomlinson,
        Hyde, Lister, Oakley, Gough, Booker, Fitzgerald, Goddard, Hobson, Dennis, Little, Emery, Jackman, Crossley, Brookes,
        Warner, Chamberlain, Marriott, Quigley, Ackroyd, Ainsworth, Aldridge, Allsop, Ambrose, Appleby, Armitage, Ashby,
        Askew, Atherton, Atkins, Attwood, Avery, Aylett, Bagshaw, Bainbridge, Ballard, Bamford, Bannister, Barclay, Bardsley,
        Barraclough, Bartlett, Bassett, Bateman, Beaumont, Beckett, Beech, Beresford, Bickerstaff, Binns, Birch, Blackwell,
        Blakemore, Blundell, Boon, Bostock, Boswell, Bowden, Bowler, Bowman, Boyce, Bracewell, Bradbury, Bradshaw, Bramley,
        Bray, Brewer, Bridge, Brindley, Broadbent, Bromley, Broughton, Buckingham, Bull, Bunting, Burnett, Bush, Butterworth,
        Cadman, Calvert, Catchpole, Chandler, Chaplin, Cheetham, Clegg, Clements, Clifford, Colley, Collier, Compton, Copeland,
        Corbett, Cotterill, Cowell, Crabtree, Crawley, Crowther, Dalton, Darby, Dawes, Dearden, Denton, Dobson, Dodd, Draper,
        Drinkwater, Duckworth, Dudley, Dutton, Eastwood, Eccles, Entwistle, Everett, Fairclough, Farrar, Faulkner, Fenton,
        Fielding, Finch, Firth, Fitton, Fleming, Forster, Foulkes, Gamble, Garside, Gascoigne, Gibbons, Golding, Goodall,
        Greaves, Greenhalgh, Gresham, Grimshaw, Hadfield, Haigh, Halliwell, Hampson, Hanson, Hebden, Hemmings, Hepworth,
        Heywood, Hibbert, Higginbottom, Hindle, Hirst, Hollingworth, Holroyd, Horrocks, Horton, Hulme, Ibbotson,
        Illingworth, Ingham, Jagger, Kay, Kershaw, Kettle, Kitchen, Lacey, Langley, Latham, Leigh, Lomas, Longbottom, Lumb,
        Mallinson, Midgley, Moorhouse, Nuttall, Ogden, Oldham, Ormerod, Pickles, Pilling, Platt, Pollard, Priestley, Ramsden,
        Rawlinson, Redfern, Roper, Rothwell, Rushton, Sagar, Sharples, Shackleton, Stansfield, Sugden, Swales, Tattersall,
        Thackeray, Thwaites, Townend, Wadsworth, Wainwright, Whiteley, Wilde, Worsley, Yeadon, Alford, Ashdown, Axford, Batten,
        Bellamy, Biddle, Blackmore, Bright, Bristow, Broad, Budd, Chilcott, Chubb, Clapp, Coombes, Crocker, Dart, Down, Eames,
        Ellery, Facey, Frampton, Gale, Gillard, Hosking, Jory, Keast, Kitto, Lanyon, Nance, Opie, Pascoe, Pengelly, Penrose,
        Polglase, Quick, Skewes, Trelawny, Tregear, Tremayne, Trevithick, Uren, Vosper, Yeo, Allcock, Aspinall, Astley, Bagley,
        Barnsley, Beardsley, Beasley, Bellingham, Bevington, Blythe, Bottomley, Bowyer, Brayshaw, Brereton, Brockway, Bulmer,
        Burdett, Carver, Chester, Coulson, Cowley, Cranfield, Crump, Dakin, Dawkins, Dobbs, Durham, Elwood, Fairbrother, Fenwick,
        Garnett, Goodchild, Grainger, Hadley, Hamer, Harland, Hatton, Hawley, Hayden, Hedley, Hickman, Hinchliffe, Hollis,
        Hough, Huxley, Jewell, Keeling, Kendall, Lockwood, Loveday, Marlow, Meadows, Mottram, Nightingale, Oakes, Orton,
        Padgett, Peacock, Pickering, Plummer, Potts, Rayner, Rowbotham, Salt, Scholes, Seddon, Shipley, Skinner, Southern,
        Spooner, Stubbs, Swift, Tanner, Thorpe, Tindall, Trickett, Tunstall, Vickers, Wagstaff, Walmsley, Waterhouse, Wheatley,
        Whitworth, Wilcox, Winter, Womack, Wragg, Yardley, Youngman
        """;

    /// <summary>Welsh surnames beyond those in the head, and the given names that follow ap and ab in Welsh patronymics.</summary>
    public const string Welsh = """
        Bevan, Bowen, Probert, Prosser, Prys, Pryce, Prydderch, Vaughan, Llewellyn, Llywelyn, Gwynne, Wynne, Gwilliam, Howells,
        Meredith, Rhys, Rice, Maddox, Madoc, Cadwaladr, Bellis, Beddoes, Eynon, Gittins, Griffith, Hopkin, Howell, Ifans,
        Jenkin, Kendrick, Mathias, Morgans, Nicholas, Penry, Perkins, Tudor, Watkin, Llwyd, Glyn, Wyn, Gwyn, Dafis, Pennant,
        Bowden, Gower, Harry, Parfitt, Phillpotts, Bebb, Benbow, Blethyn, Dee, Gethin, Gravell, Hier, Jeremy, Lougher, Mostyn,
        Nanney, Pumphrey, Pugsley, Trahearne, Vychan
        """;

    public const string WelshPatronyms = """
        Rhys, Owain, Dafydd, Gwilym, Iorwerth, Siôn, Ioan, Llywelyn, Tomos, Hywel, Gruffydd, Emrys, Aled, Huw, Ifan,
        Iestyn, Meirion, Rhodri, Gareth, Idris, Islwyn, Cynan, Elis, Arwel, Geraint, Eurig, Alun, Eifion, Gwyn, Brychan
    """;

    /// <summary>Irish and Scottish surnames without Mc, Mac or O' (those are composed from the stems below), and Irish-language forms.</summary>
    public const string IrishScottish = """
        Byrne, Ryan, O'Sullivan, O'Reilly, Doherty, Connolly, Daly, Dunne, Brennan, Nolan, Flynn, Maguire, Duffy, Boyle, Healy,
        O'Shea, Sweeney, Kavanagh, Power, McGrath, Moran, Brady, Casey, O'Keeffe, Egan, Dolan, Hogan, Cullen, Keane, Geraghty,
        Whelan, Fahy, Mulligan, Hegarty, Fennelly, Corcoran, Tierney, Mulcahy, Hennessy, Dooley, Fitzpatrick, Fitzsimons,
        Fitzmaurice, FitzGibbon, Fitzharris, Kiely, Lenihan, Moynihan, Carey, Hickey, Kearney, Lonergan, Mulvey, Scanlon,
        Shanahan, Sheehan, Tobin, Twomey, Noonan, Phelan, Quinlan, Cassidy, Cronin, Devlin, Donnelly, Fallon, Gilmore, Hanna,
        Keenan, Lavery, Mooney, Rafferty, Rooney, Toner, Paterson, Fraser, Mackenzie, Cameron, Johnstone, Sinclair, Munro,
        Ritchie, Duncan, Buchanan, Crawford, Kerr, Christie, Fyfe, Gilchrist, Lamont, Lindsay, Menzies, Ogilvie, Rennie, Urquhart,
        Drummond, Cochrane, Forbes, Galbraith, Guthrie, Kirkpatrick, Lockhart, Moffat, Rutherford, Wishart, Sutherland, Ramsay,
        Ó Ceallaigh, Ó Murchú, Ó Súilleabháin, Ó Briain, Ó Néill, Mac Cárthaigh, Ní Bhriain, Nic Dhomhnaill, Ó Dónaill,
        Mac Mathúna, Ó Conchubhair, Ó Sé, Ó Raghallaigh, Ó Dubhghaill, Mac Giolla Phádraig, Ó Laoghaire, Ó Flaithearta,
        Ó Gallchobhair, Mac an tSaoi, Ó hAodha, Ó Ríordáin, Ní Mhurchú, Nic Ghearailt
        """;

    /// <summary>Gaelic stems that follow Mc and Mac (McDonald, MacDonald, Macleod).</summary>
    public const string MacStems = """
        Donald, Kenzie, Leod, Gregor, Intyre, Kay, Lean, Millan, Pherson, Kinnon, Farlane, Laren, Lachlan, Neil, Allister,
        Arthur, Aulay, Bride, Cabe, Cann, Carthy, Clure, Connell, Cormack, Crae, Cue, Dermott, Dougall, Dowell, Elroy, Evoy,
        Ewan, Fadden, Gee, Ginley, Glynn, Gowan, Grath, Guinness, Guire, Hugh, Inerney, Innes, Iver, Kean, Keown, Kinley,
        Laughlin, Loughlin, Mahon, Manus, Master, Menamin, Nally, Namara, Nulty, Quade, Queen, Quillan, Shane, Sweeney, Tavish,
        Taggart, Vey, Adam, Alpine, Askill, Bain, Beth, Callum, Coll, Colm, Court, Cready, Culloch, Diarmid, Donagh, Duff,
        Eachern, Elhinney, Fall, Feely, Garry, Geown, Gettigan, Gilvray, Goldrick, Gonigle, Govern, Granahan, Guckin, Hale,
        Hardy, Ilroy, Ilwaine, Intosh, Isaac, Kechnie, Keever, Kellar, Kendrick, Kenna, Kiernan, Killop, Kinlay, Lafferty,
        Lellan, Lennan, Lintock, Lure, Menemy, Michael, Minn, Morrow, Murdo, Naughton, Neish, Nicol, Niven, Onie, Phail, Phee,
        Quarrie, Rae, Ritchie, Robbie, Rory, Shannon, Sorley, Swan, Teague, Tier, Ternan, Whirter, Whinnie, Vicar, Vitie
        """;

    /// <summary>Stems that follow O' (O'Brien, O'Sullivan).</summary>
    public const string OStems = """
        Brien, Connor, Sullivan, Neill, Reilly, Donnell, Doherty, Kelly, Mahony, Leary, Driscoll, Callaghan, Shea, Dwyer,
        Keeffe, Rourke, Hara, Grady, Flaherty, Malley, Halloran, Gorman, Hagan, Dowd, Toole, Byrne, Carroll, Dea, Donovan,
        Farrell, Gara, Hanlon, Kane, Keane, Loughlin, Meara, Mara, Neal, Riordan, Regan, Boyle, Cleary, Connell, Dowling, Hare,
        Hea, Higgins, Kennedy, Mahoney, Mullan, Rahilly, Brady, Daly, Dell, Donoghue, Duffy, Flynn, Hanrahan, Hehir, Keefe,
        Kelleher, Loughran, Moore, Mullane, Nolan, Quinn, Rafferty, Shaughnessy, Tierney, Fee, Gallagher, Hanley
        """;

    /// <summary>Jersey's old Norman-French families (Jèrriais surnames).</summary>
    public const string Jersey = """
        Le Sueur, Le Brocq, Le Quesne, De Gruchy, Le Cornu, Renouf, Le Feuvre, Le Marquand, Vibert, Falle, Pallot, Gallichan,
        Le Maistre, Romeril, Le Gresley, Le Boutillier, Hamon, Amy, Le Masurier, Noel, Mourant, Luce, Journeaux, Bisson, Querée,
        Le Blancq, Le Breton, Le Brun, Le Cocq, Le Gallais, Le Geyt, Le Lièvre, Le Moignan, Le Ruez, Le Seelleur, Le Vesconte,
        Le Rossignol, Le Tissier, Ahier, Bertram, Binet, Blampied, Cabot, Carrel, Coutanche, De Carteret, De la Haye,
        De Quetteville, Dorey, Du Feu, Du Heaume, Dumaresq, Egré, Falla, Gallie, Gibaut, Godfray, Gosselin, Hacquoil, Huelin,
        Jeune, Labey, Laurens, Le Cronier, Le Couteur, Le Gros, Le Hérissier, Le Main, Le Monnier, Le Sauteur, Le Marchand,
        Le Riche, Le Montais, Le Vavasseur, Mauger, Messervy, Nicolle, Poingdestre, Rondel, Syvret, Tostevin, Valpy, Vautier,
        Voisin, Pinel, Perchard, Picot, Hérivel, Le Claire, Le Couilliard, Le Quelenec, Bichard, Cornish, Langlois
        """;

    /// <summary>English place-name beginnings and endings, whose joins make the toponymic surnames of England (Ash + worth).</summary>
    public const string EnglishPlaceHeads = """
        Ash, Black, Brad, Brom, Brook, Cal, Card, Chad, Charl, Chat, Crom, Dal, Dar, Down, East, Ed, Elm, Fair, Farn, Fen, Hal,
        Ham, Hart, Hay, Heath, Hol, Horn, Hun, Kirk, Lang, Lind, Mar, Mid, Mill, Moor, North, Oak, Pen, Rad, Ram, Red, Rom, Rush,
        Sand, Shel, Ship, South, Stan, Stock, Thorn, Wal, Wat, West, Whit, Wick, Win, Wood, Wool, Wor, Brig, Cold, Lit, Ax,
        Broad, Kings, Ald, Ather, Bar, Bard, Bil, Bing, Bram, Bren, Burn, Cran, Dun, Ever, Gar, Glad, Green, Har, Hen, Hey,
        High, Hux, Lax, Lock, Long, Mal, Mans, Nor, Pad, Pem, Rid, Roth, Sal, Sed, Skel, Stain, Stam, Swin, Tad, Ted, Wad, Wen,
        Wes, Wil, Yar, Alder, Apple, Beck, Birk, Bos, Cheet, Clap, Cot, Eg, Ell, Fal, Ford, Gos, Hather, Hock, Hod, Hop, Kel,
        Ken, Knap, Mor, Nut, Pil, Pres, Sher, Staf, Stow, Tam, Thur, Tot, Up, Wel, Wyn, Yat
        """;

    public const string EnglishPlaceTails = """
        ley, ton, worth, ford, ham, by, field, well, combe, shaw, wood, hurst, bridge, cott, stead, den, don, more, thorpe,
        wick, land, bury, croft, dale, gate, low, stone, ridge, brook, hill, cliffe, thwaite, holme, church, sall, ington, ell,
        borne, sey, lock
        """;

    /// <summary>Medieval given names and pet forms from which English patronymic surnames grew (Rob + son, Wat + kins).</summary>
    public const string EnglishPatronymStems = """
        Rob, Dob, Hob, Hodg, Dick, Wat, Tom, Tomlin, Wilkin, Jenkin, Atkin, Parkin, Hopkin, Simp, Sim, Harri, Jack, Hud, Ander,
        Nichol, Richard, Stephen, Gib, Daw, Davi, Edward, Gilbert, Hew, Hugh, Mat, Math, Pier, Pear, Rawlin, Rand, Robin, Walter,
        Will, Wilk, Ad, Adkin, Alli, Benn, Bart, Col, Dix, Ellis, Emm, Gill, Hall, Hitch, Hutchin, Jeff, Jeffer, Judd, Lamb,
        Mar, Nel, Nix, Peter, Philip, Phil, Pog, Price, Raw, Rich, Roger, Sander, Tib, Tim, Wilm, Dyk, Rawk, Lov
        """;

    public const string EnglishPatronymTails = "son, s, kins, kinson, ins, ett";

    /// <summary>Common given names in England and Wales across the ages of the people generated (children to 85).</summary>
    public const string EnglishMale = """
        Oliver, Jack, Harry, George, Noah, Charlie, Jacob, Alfie, Freddie, Oscar, Leo, Archie, Joshua, Thomas, James, William,
        Henry, Ethan, Logan, Lucas, Samuel, Joseph, Max, Daniel, Isaac, Mason, Theo, Arthur, Dylan, Benjamin, Riley, Adam,
        Harrison, Tyler, Liam, Finley, Lewis, Callum, Connor, Kieran, Ryan, Luke, Jordan, Bradley, Jamie, Ben, Matthew,
        Michael, David, John, Paul, Mark, Andrew, Richard, Robert, Christopher, Stephen, Peter, Anthony, Kevin, Gary, Ian,
        Simon, Darren, Lee, Craig, Wayne, Dean, Neil, Martin, Steven, Stuart, Graham, Alan, Brian, Colin, Keith, Kenneth,
        Trevor, Barry, Derek, Roy, Terence, Raymond, Dennis, Geoffrey, Malcolm, Philip, Nigel, Jason, Scott, Aaron, Nathan,
        Jake, Kyle, Reece, Ashley, Jay, Elliot, Toby, Edward, Alexander, Sebastian, Reuben, Jenson, Kai, Rory, Albie, Ronnie,
        Tommy, Frankie, Teddy, Louie, Hugo, Elliott, Zachary, Caleb, Ollie, Jude, Stanley, Gabriel, Ellis, Sonny, Aiden, Rhys,
        Owen, Evan, Tristan, Jaden, Tyrone, Marcus, Jermaine, Dwayne, Delroy, Leroy, Winston, Clive, Everton
        """;

    public const string EnglishFemale = """
        Olivia, Amelia, Isla, Ava, Mia, Ivy, Lily, Isabella, Rosie, Sophia, Grace, Freya, Willow, Florence, Emily, Ella, Poppy,
        Evie, Elsie, Charlotte, Evelyn, Sienna, Sofia, Daisy, Phoebe, Sophie, Ruby, Jessica, Chloe, Megan, Lauren, Hannah,
        Holly, Amy, Bethany, Paige, Shannon, Jade, Courtney, Abigail, Molly, Millie, Ellie, Katie, Leah, Georgia, Lucy, Eleanor,
        Alice, Matilda, Harriet, Sarah, Emma, Rebecca, Laura, Gemma, Kelly, Claire, Nicola, Lisa, Michelle, Joanne, Rachel,
        Samantha, Victoria, Helen, Louise, Karen, Julie, Tracey, Susan, Elizabeth, Margaret, Patricia, Jean, Sandra, Linda,
        Carol, Christine, Janet, Maureen, Pauline, Barbara, Brenda, Valerie, Shirley, Sheila, Jacqueline, Deborah, Angela,
        Dawn, Wendy, Alison, Amanda, Caroline, Jennifer, Natalie, Stacey, Danielle, Kirsty, Zoe, Jasmine, Tia, Keira, Summer,
        Scarlett, Maisie, Erin, Aimee, Niamh, Lacey, Harper, Aria, Luna, Esme, Violet, Ada, Mabel, Iris, Maya, Eva, Anna,
        Beatrice, Imogen, Martha, Ruth, Joyce, Doreen, Marcia, Beverley, Yvonne, Sonia, Jacinta
        """;

    public const string WelshMale = """
        Rhys, Dafydd, Gareth, Gethin, Owain, Iwan, Emyr, Huw, Ioan, Cai, Osian, Dylan, Elis, Rhodri, Aled, Llŷr, Geraint, Bryn,
        Idris, Gwilym, Macsen, Tomos, Steffan, Gruffydd, Morgan, Iestyn, Hywel, Meirion, Alun, Emrys
        """;

    public const string WelshFemale = """
        Cerys, Ffion, Megan, Seren, Catrin, Nia, Sioned, Elin, Gwen, Angharad, Bethan, Carys, Lowri, Mali, Eleri, Manon, Nerys,
        Rhiannon, Siân, Tegan, Branwen, Heledd, Gwenllian, Non, Alaw, Efa, Lleucu, Ceri, Glenys, Delyth
        """;

    public const string IrishScottishMale = """
        Seán, Liam, Conor, Cian, Oisín, Darragh, Ciarán, Pádraig, Eoin, Niall, Ruairí, Cathal, Donal, Fionn, Callum, Ewan,
        Hamish, Angus, Alasdair, Lachlan, Ruaridh, Fraser, Iain, Murdo, Declan, Colm, Shane, Eamon, Kieran, Diarmuid, Finn,
        Tadhg, Seamus, Brendan, Fergus, Gregor, Innes, Euan, Struan, Archie
        """;

    public const string IrishScottishFemale = """
        Aoife, Niamh, Siobhán, Caoimhe, Saoirse, Róisín, Ciara, Aisling, Orla, Clodagh, Gráinne, Eimear, Sinéad, Deirdre,
        Mairead, Isla, Eilidh, Kirsty, Morag, Catriona, Ailsa, Shona, Fiona, Bridget, Maeve, Nuala, Sorcha, Una, Ailbhe, Kenna,
        Mhairi, Iona, Rhona, Sheena, Aileen
        """;
}
