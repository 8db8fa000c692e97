import { describe, expect, it } from "vitest"
import { shuf } from "../../../src/interpreter/commands/shuf.ts"
import { latin1, run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  rs: latin1(
    '¥MÊ\u0018%0»\u001dm\u0013,ÞÖ#{.Ù\u001e?r\u001fË\u0019q\u0017DÖI<\\4`¾1 \u001eiþÚ îè¹\\|)ý¯å%<ÖT¯Mú×\u0014\' ®³þé#/ò!\u001fäÅ±\u000bìµV;ü\u001eoB~ËÈþ)UåÍFÜÔ·ÂvM*ZMvw\u0006ø]\u0002JÖ½£@\u001béÈËÌÉ5öÍ\u001fa"jáS8®\u001a4\u0000M3º\r$jÀL±ºò>;ùîõ÷+I4¯õR\u000bi¹K\r.»U¶r¨rczÍtfü¶\u000e\u000eñc°ä²º)p4tðd¬h÷\u0000õ°+=Æfô[Þª,ÊíÍ+QWA\u000eMîJò³OC\n\u00074GÞcl\u000el{¦ÖC\u001fµê×BM\tá]\u0002LXHò=\u001f¦÷6\u001da\u00152ç\u000e â¦fçô~gåFÕ>Èâ¡%{Û%l>O»IFïp0ËùSrRÜÎ­×d¶£/»\t­êá\tÄ© 9u5+\u0014\\BØÏLý§-\u001d]Ù%\b-*q">è\u0005­ÕB\u0016z8R\u0019\\giä[±\t\u0012\u0007\taó}ä6ÝýÉnu¯eGÏ±\u001bB\u0007$ÜS\u001c+Ã|\u0017ë^Pä\u0001º¨¥}\u0011o¶]\u0000«Ã*óf\u0002.-IÌ\u0015É\u000bw+OÇ¦ýLJ\u0016ÛG\bu+\u000f\u0015D¸5Àç\u0019\t}ú\u0001é#/!ò&xivëüÃ\'õ\u0017e\'K©D\u0006ö\u001fø2oúíîî<f+ò\bê\'æÆkk&.H¸C9ºvþøÉ\fQ\u0001ûæÏHÕ°À¡=©\u0000¦­Ë=d\u0006¾!ÉÇ\'¸Û\u00184\u001aLß¡a¿Û\u000eÌh)\u0019ÒæFø\u0019AWñÔ¯Ïz÷É=UR&jþpçªæÚGb|.Y¯.£z¼g\nÓÄÓkÀ­\u001fÿ¸@n/ÄÌäÝ\u000bA\u0010Ùòú\u0000%Èïå7rOM7ê+\u0014\u0000@w\u0013Aß92$bÆr\u0000\u0005ë¡|óx~\u000eÒ\u001c\u000bcÿ×)tÙ½tü\u0011­×¹Êe\u0003"iýfcvîq7ý_røÕ\u001cJÉ\u001bm\fHÔ\u001a\u001e^Éæ 9(T¨a^ï\u0010Á¿©âV7\u0001()³×?jÂ¶Ý,\u0019òd¾äb¥ºò\u000fÒ~Ï\u0014À\u0011í \u001fc ­¹«\u0016¢\u0001!\fw6óîÅÜüCþ]\u0004Mx§£ë¹(eÈQ~Ð!\u0011ö¦RÚ5$+j1×ÿäXwDÕëx>¾eà~_}xN`§!Ê}v3í\u00124\u0002óvå¿\u0014w=\u0019ac&¾[å\u00036³o\u0013¼®H\u0016h\u0013h\u0005§Ñ¾^\'h\u0010ý÷ Ð3ÊO.SËÑÕ\u001a¶ÔÕ\tºdÈÏh\u0003ÞPØ:.ÏºëSB\u0007\u001aHË-½WJ²RW"7Äûe@\u0016÷¡\u001bÆ,RqÏdò]o\u0015ÌPÄ·?L~b\u0015\u0013¥<Çé×ÙÇ¼äà[\u000b\u0001úîxäê[òÌ6"A·Ü».â\u0014\u0014B* (\u001bÁE\r!8cCûTq!³Q¥éIõjy£¾\u0012e]ÎR§ÀV:\u0018¸ç5É¾À¼J¸©)âuZ\u0018 \u0000\u0011qLÝÕº\u0018Cút\u0017\u000b\u001b\u0001µ6¶rÓDh»óQD\u0007|Læ1 JÍ\u0005\u001c³ãüT\u0000\u0016\u001f\fÏ_yQ\u001d5\u0006dHÓfÔY \u0018ô\u0003Àßî)çYs5v\u0013?«\u001aßo+\u0007VxgQ§bÇ¨zÂðñ\u0003\rßwlÈ\'WJ\u0010\r96R°H\u000e\u000f\u0015F\u0015"\u0017!ºf!Ä6~ih9\u0011\u0011,ô3C2h£¬Ø\n³\u0018¼¤ó\u000fÓ\u000fß2±ð\u0018n.Wß\u0000g\u001b\u0002²û0û^ý±QmvÿT8)û5§¶0ÍÊ,Ø\f¾iÛWÂwë@\u0011²§Oæ¥Víàv@«ìybOO~§²Rx§`4T4dÄMKÞd76iÆí\u0011\u0006Ìßqí\u000bHÏ\u0002|Ü×uu\\?èÝ 2Ö|ÌPØ÷é\nÑ]§\u0005Çú6\u0013oRf²3éhó\b½¯Òék^È>¶\u001cÃÌ\u001f\u0006&Ö×´7rÍpÈìlTB#bðsJ´Óï@ðµuÀÚ_ö\u0001·}¤õøÛ+¹NÅ\u001d+¦G°\u0007\u0005k$3Iw_ç±NjÎU.eým(à;<ÖwGòü\u001d÷ïIû~ÿT\u0003R¤ïþî¿ÚÖ&\\¸\u000e\n\u0017©0÷øI\u0011mÔ@­0»®òkÞ¯Ø\u001aµüÎª°hü<©b¢A,\u0014ÌÏ\u0019Ì7\u0003\u0017aó\u001eÀK*l\u0014êY3\\\u0012×3\u0006¼G^×\u0011£\nÜ\u001bþ\u0014<×Ïä"\u0007ÆOóÓ4*ñlM\u0007Ú\u0002\u0004>-o>Bñ\t|æ_\u0019»J+ÿë\u001a\u0010\u0005\u001f\u0007(ÇTù\u001e¡¼àðUJ;¹SÕôÅçª\u001fª\u0007MÛ~ÀÆÀwç\u0000¤ØP\u0015HKÿ±+øÃfw\u001dÊîi\u0004Åë,µ wË¤ôg`lb/\\¹·ÎL~\u0016ü¿6¾í)O¡\u000f°\n0\u0011hømÚ1äC\u0013­f\\Á*\u000e\u001a\u0011½êù Ë=.£w-É]åQ½xqX\u0013´\u001e\u000e\u0018÷\u001c3J¢\u0002eá5ñ¥¾Ç?¿öÂVázI\u0006ïc\u0012Pp\'¿Gä1Å\u000b&ç­¥wô;»I©q\u001d\\çJàLÖÒ~O\r«Uû7¢é÷:N\u001dlô=gºÝzy1ÇÔS\u001dI\bâ®Gâ\u0000_¸Þ\u0014Ño\\F\\uYd(,ýYiFbg\u0005!Ð\u001c±«ü.\u0007ÑôD_»\u0012S¾\u0002¶ä$=¶}¤Ã\u001f7ýä\rD\n|-r]U4\u000f\t1c\tízã4³0[\u0017?îü8>>ÏFttKìËT\tÇ×\u0012Ê\u001a¹­Í{«ß¤Í\u001b¦K´Ø\u0005º7_#¦Ýf\nsG×Ëè\u0017\u0014\u0011\u00123>\u0006Þy\u00149±U=\u001e+îKá?CÐ|,èqÅg»ëôð\u000f|ªq`ÄÊ\u0006´Sz¥¦ûn\u001d\u000bQ"²á\u001fÆáµ7sOÕ¬´Gg0óAÓ4\u0002Ò<þËLÕ8Âçê´´ÈÄ¤\u0003ÿÂã^JßÁv-©¥|¦hÚ\u0005\r\u0018þßÜÇí·\u0014³ç\u0005"u2Ñ¿ÍN`×ùÍá¯/W¹¢»&Y8¯×Pj`Ó]\u001e6´\u0015Ò\u0005\u0001\u0002Ë2\u0007\u000fdYþIeÒ>JP6\u000e3&WûïÜ\u001f\u0006¥IyµV\u00102 ²bæÅ\n\u001bpÊ\u0016á\u001bzr\u0016QX¡\u0003éÖý"|ÇqÓÌø\u000b|,XW·Â_\u0003Ê¹:«Å«Î!?Ø³}Æaï°yß\u0011\f®O{B/dAâïzQ¼´nÏÀjóhtçCá¼~Îl@>.Å\u000eJ\u0007Ç,Zv¤`7"¹b!-s@Ì¶ÎíCZ\u000f»³Ó\fìÍ´2]:p\u0014Ï\u0014RÜeOÂ\u0014[tþÞ²\u00009\u0015\u0018}8\u0013£k°,ÕÉq.²Ùâ®ç\u001biÛAú`\u0016YSx\u001eV·±Ò/gFEù÷y{\u0003ãD³DH{ª<ÙVOìÏi:\u0006¸ùi\u0016\u001ed8å9R¦ãï¹V$\u0017\u0005ïø*©7úÞúa¤\u0004·.}(F\u000e\fÊJ¼_V4§Â^¶£u¼E½z\u001d\u00156Î\u0019nýØÿP)HtSFâÍ-\u0014áõao¾\u0001\u0010ÙI$\u001c×­ à\u0004ZTÁ\u0002â²dð+¥ëÛOÍ)\u001e©×¼öF¯\u000e`qå+K¾Õ¸{áÊ:t\\g9q0`útês9)Ð%áD:4ëÈWbó/F¿\u001dÏy\u0018¾\u0015\u0007më=EÚ,g:µV»®\u0005>z¾¶ú\u0016´3¶§9\u0011|µbä\ná:\nù8%^LÂIã\u0007\f¯Mù÷\u0010\u0012&]ÈóQåÉu&¸¨nC\u0016lV¸ï©ïÆµ \u0003«÷ªt\në\u0017JIÄ ¶G\u00110fÚ2¹yH$®¹}³Ï«\u001e¬¥ö¼|x²MEi\u0003èÏäÊV!I®%a([´ï¶Û"ø£Y\u000bTy\no\u0018Ìåf2d{\u001dB\u0018(%®E\u0002`\u0007¥\u000el¤§\røÏ¬Y\u001dÔ\u0017,«ýÌí\u0006\r¢ \u001cÔ¨P/\tOkI.·¹Ø°N©uô\u0010è¹C\u0004ó3¹MtÍ.\u000eD>\u001eh]»LZR\u000e³|âÿm°Çël¥\r7\u0007!Í³\u001etÀÑÀr\u000f\nÞ{vµh¦ÙÿnPôE-©\u0002øR£çl\u001ak¸\u0017à]ÞG\f9M\u0004DM´1VíË.Ô­Ë«\u0010xg\u0007\u0013EvÜ5',
  ),
  short: "ab",
  s20: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
  s300: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n31\n32\n33\n34\n35\n36\n37\n38\n39\n40\n41\n42\n43\n44\n45\n46\n47\n48\n49\n50\n51\n52\n53\n54\n55\n56\n57\n58\n59\n60\n61\n62\n63\n64\n65\n66\n67\n68\n69\n70\n71\n72\n73\n74\n75\n76\n77\n78\n79\n80\n81\n82\n83\n84\n85\n86\n87\n88\n89\n90\n91\n92\n93\n94\n95\n96\n97\n98\n99\n100\n101\n102\n103\n104\n105\n106\n107\n108\n109\n110\n111\n112\n113\n114\n115\n116\n117\n118\n119\n120\n121\n122\n123\n124\n125\n126\n127\n128\n129\n130\n131\n132\n133\n134\n135\n136\n137\n138\n139\n140\n141\n142\n143\n144\n145\n146\n147\n148\n149\n150\n151\n152\n153\n154\n155\n156\n157\n158\n159\n160\n161\n162\n163\n164\n165\n166\n167\n168\n169\n170\n171\n172\n173\n174\n175\n176\n177\n178\n179\n180\n181\n182\n183\n184\n185\n186\n187\n188\n189\n190\n191\n192\n193\n194\n195\n196\n197\n198\n199\n200\n201\n202\n203\n204\n205\n206\n207\n208\n209\n210\n211\n212\n213\n214\n215\n216\n217\n218\n219\n220\n221\n222\n223\n224\n225\n226\n227\n228\n229\n230\n231\n232\n233\n234\n235\n236\n237\n238\n239\n240\n241\n242\n243\n244\n245\n246\n247\n248\n249\n250\n251\n252\n253\n254\n255\n256\n257\n258\n259\n260\n261\n262\n263\n264\n265\n266\n267\n268\n269\n270\n271\n272\n273\n274\n275\n276\n277\n278\n279\n280\n281\n282\n283\n284\n285\n286\n287\n288\n289\n290\n291\n292\n293\n294\n295\n296\n297\n298\n299\n300\n",
  nonl: "x\ny\nz",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["--random-source=rs", "s20"],
    stdout: "6\n18\n1\n8\n11\n3\n13\n17\n4\n14\n15\n19\n9\n16\n20\n5\n7\n2\n10\n12\n",
    stderr: "",
    status: 0,
  },
  { args: ["--random-source=rs", "-n", "5", "s20"], stdout: "6\n18\n1\n8\n11\n", stderr: "", status: 0 },
  {
    args: ["--random-source=rs", "-n", "5"],
    stdin: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
    stdout: "20\n16\n19\n13\n6\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs", "-n", "20"],
    stdin: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
    stdout: "10\n19\n5\n4\n13\n11\n18\n7\n17\n1\n8\n12\n15\n3\n2\n16\n6\n9\n20\n14\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs", "-n", "30"],
    stdin: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
    stdout: "6\n18\n1\n8\n11\n3\n13\n17\n4\n14\n15\n19\n9\n16\n20\n5\n7\n2\n10\n12\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs"],
    stdin: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
    stdout: "6\n18\n1\n8\n11\n3\n13\n17\n4\n14\n15\n19\n9\n16\n20\n5\n7\n2\n10\n12\n",
    stderr: "",
    status: 0,
  },
  { args: ["--random-source=rs", "-e", "a", "b", "c", "d", "e"], stdout: "a\nc\ne\nd\nb\n", stderr: "", status: 0 },
  { args: ["--random-source=rs", "-i", "1-10"], stdout: "6\n9\n8\n10\n4\n3\n7\n2\n5\n1\n", stderr: "", status: 0 },
  {
    args: ["--random-source=rs", "-n", "3", "-i", "1-1000000000"],
    stdout: "773338649\n213885224\n484678961\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs", "-r", "-n", "8", "-e", "x", "y", "z"],
    stdout: "x\ny\nx\nx\nz\nz\ny\nz\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs", "-r", "-n", "6", "-i", "0-255"],
    stdout: "165\n77\n202\n24\n37\n48\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--random-source=rs", "s300"],
    stdout:
      "18\n121\n11\n232\n45\n140\n136\n22\n236\n260\n101\n10\n240\n192\n229\n223\n111\n215\n51\n288\n13\n96\n216\n156\n15\n60\n133\n272\n281\n293\n159\n86\n43\n282\n115\n213\n118\n32\n123\n7\n283\n85\n102\n134\n172\n201\n297\n278\n202\n2\n122\n259\n264\n245\n117\n137\n56\n39\n186\n289\n212\n54\n268\n191\n198\n21\n246\n42\n23\n77\n76\n227\n63\n36\n135\n166\n114\n254\n256\n1\n65\n14\n90\n89\n251\n6\n188\n221\n155\n69\n294\n292\n262\n4\n28\n177\n143\n271\n261\n55\n26\n94\n149\n178\n78\n226\n119\n81\n20\n228\n230\n37\n150\n296\n287\n57\n255\n141\n158\n204\n9\n59\n113\n146\n200\n250\n144\n167\n64\n38\n34\n190\n61\n168\n241\n234\n88\n41\n31\n106\n171\n142\n220\n195\n194\n127\n183\n105\n29\n217\n280\n205\n49\n103\n12\n298\n235\n53\n97\n68\n109\n152\n247\n27\n139\n66\n257\n187\n67\n252\n248\n163\n19\n199\n225\n196\n151\n126\n98\n25\n295\n231\n174\n33\n243\n184\n147\n95\n291\n165\n175\n83\n72\n129\n275\n284\n273\n47\n197\n8\n203\n92\n120\n161\n116\n180\n62\n75\n50\n219\n279\n87\n276\n290\n244\n176\n145\n124\n258\n84\n138\n207\n100\n40\n218\n299\n249\n44\n211\n206\n74\n58\n132\n267\n233\n130\n238\n79\n286\n128\n209\n210\n208\n112\n82\n270\n300\n266\n110\n71\n253\n285\n52\n46\n274\n125\n277\n73\n224\n181\n265\n108\n35\n193\n189\n179\n185\n239\n99\n153\n169\n24\n91\n154\n3\n107\n164\n214\n30\n16\n173\n5\n70\n148\n104\n237\n17\n48\n242\n131\n93\n160\n182\n157\n263\n170\n80\n222\n269\n162\n",
    stderr: "",
    status: 0,
  },
  { args: ["--random-source=rs", "nonl"], stdout: "x\nz\ny\n", stderr: "", status: 0 },
  { args: ["--random-source=short", "s20"], stdout: "", stderr: "shuf: 'short': end of file\n", status: 1 },
  {
    args: ["--random-source=nope", "-e", "a", "b"],
    stdout: "",
    stderr: "shuf: nope: No such file or directory\n",
    status: 1,
  },
  {
    args: ["--random-source=nope", "-e", "a"],
    stdout: "",
    stderr: "shuf: nope: No such file or directory\n",
    status: 1,
  },
  { args: ["-i", "5-3"], stdout: "", stderr: "shuf: invalid input range: '5-3'\n", status: 1 },
  { args: ["-i", "3-2"], stdout: "", stderr: "", status: 0 },
  { args: ["-i", "x"], stdout: "", stderr: "shuf: invalid input range: 'x'\n", status: 1 },
  { args: ["-n", "x"], stdout: "", stderr: "shuf: invalid line count: 'x'\n", status: 1 },
  { args: ["-r", "-e"], stdout: "", stderr: "shuf: no lines to repeat\n", status: 1 },
  {
    args: ["-e", "-i", "1-2"],
    stdout: "",
    stderr: "shuf: cannot combine -e and -i options\nTry 'shuf --help' for more information.\n",
    status: 1,
  },
  {
    args: ["a", "b"],
    stdout: "",
    stderr: "shuf: extra operand 'b'\nTry 'shuf --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-i", "1-3", "a"],
    stdout: "",
    stderr: "shuf: extra operand 'a'\nTry 'shuf --help' for more information.\n",
    status: 1,
  },
  { args: ["nope"], stdout: "", stderr: "shuf: nope: No such file or directory\n", status: 1 },
  { args: ["-n", "0", "s20"], stdout: "", stderr: "", status: 0 },
  { args: ["--random-source=rs", "-z", "-e", "a", "b", "c"], stdout: "a\u0000c\u0000b\u0000", stderr: "", status: 0 },
  { args: ["--random-source=rs", "-n", "2", "-n", "4", "s20"], stdout: "6\n18\n", stderr: "", status: 0 },
  { args: ["-i", "1-1"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-e", "only"], stdout: "only\n", stderr: "", status: 0 },
  { args: ["--random-source=rs", "-n", "1"], stdin: "a\nb\nc\n", stdout: "a\n", stderr: "", status: 0 },
]

describe("shuf", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(shuf, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
