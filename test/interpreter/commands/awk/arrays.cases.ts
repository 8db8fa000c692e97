import type { AwkCase } from "./tables.ts"

// Expected results come from GNU Awk 5.2.1 (LC_ALL=C TZ=UTC); re-check with confirm.ts.
export const cases: ReadonlyArray<AwkCase> = [
  {
    args: ['BEGIN { a["x"];a["y"];a["z"];a["foo"];a["bar"]; for (k in a) printf "%s ", k; print "" }'],
    stdout: "x foo y z bar \n",
  },
  {
    args: ['BEGIN { for(i=0;i<20;i++) b[i*3]; for (k in b) printf "%s ", k; print "" }'],
    stdout: "0 3 6 9 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 \n",
  },
  {
    args: ['BEGIN { c["b"]; c["a"]; c[1]; c["10"]; c[2]; for (k in c) printf "%s ", k; print "" }'],
    stdout: "10 a b 1 2 \n",
  },
  {
    args: ['BEGIN { c[1]; c["b"]; c["a"]; c[10]; c[2]; for (k in c) printf "%s ", k; print "" }'],
    stdout: "a b 1 2 10 \n",
  },
  {
    args: ['BEGIN { c[-1]; c[5]; c["x"]; c[-7]; c[3]; for (k in c) printf "%s ", k; print "" }'],
    stdout: "x 5 -1 3 -7 \n",
  },
  {
    args: ['BEGIN { for (i = 0; i < 100; i++) d["k" i]; for (k in d) printf "%s ", k; print "" }'],
    stdout:
      "k72 k59 k73 k74 k75 k76 k90 k77 k91 k78 k92 k79 k93 k94 k95 k96 k97 k98 k99 k20 k21 k22 k23 k24 k25 k26 k40 k27 k41 k28 k42 k29 k43 k44 k45 k46 k60 k47 k61 k48 k62 k49 k63 k64 k65 k66 k80 k67 k81 k68 k82 k69 k83 k84 k85 k86 k87 k88 k89 k10 k0 k11 k12 k1 k13 k2 k14 k3 k4 k15 k5 k16 k30 k6 k17 k31 k7 k18 k32 k8 k19 k9 k33 k34 k35 k36 k50 k37 k51 k38 k52 k39 k53 k54 k55 k56 k70 k57 k71 k58 \n",
  },
  {
    args: [
      'BEGIN { for (i = 0; i < 1000; i++) d["key" i] = i; n = 0; for (k in d) { if (n++ < 30) printf "%s ", k }; print "" }',
    ],
    stdout:
      "key970 key971 key930 key972 key931 key973 key932 key974 key933 key975 key934 key660 key976 key935 key661 key620 key977 key936 key662 key621 key978 key937 key663 key622 key979 key938 key664 key623 key390 key939 \n",
  },
  {
    args: ['BEGIN { for (i = 1; i <= 5000; i += 37) e[i * 1000]; for (k in e) printf "%s ", k; print "" }'],
    stdout:
      "2258000 4774000 519000 2036000 3738000 2591000 3146000 3701000 1555000 3849000 1000000 2221000 1185000 3257000 1222000 408000 2406000 2184000 4663000 1740000 4034000 1777000 4959000 778000 4626000 4811000 963000 2665000 260000 2147000 1814000 2110000 3516000 4145000 815000 3294000 1666000 3886000 4219000 1703000 4885000 630000 4441000 2295000 2813000 4737000 1444000 3072000 334000 3590000 1851000 2739000 3368000 889000 4996000 4589000 4071000 4256000 1259000 593000 4330000 3812000 1333000 1111000 3923000 852000 1518000 4552000 2887000 223000 2702000 4182000 482000 2998000 2554000 926000 1481000 1037000 2480000 1962000 4367000 1888000 1925000 4478000 3035000 4922000 297000 3109000 3627000 2961000 4108000 741000 3960000 3664000 371000 2073000 2369000 3220000 1074000 704000 3775000 445000 2628000 3405000 2850000 3553000 4293000 2443000 1370000 3479000 1296000 3442000 4700000 1592000 3331000 2517000 2332000 1999000 2924000 3997000 1629000 1148000 667000 3183000 1407000 4848000 4515000 2776000 4404000 1000 38000 75000 112000 149000 186000 556000 \n",
  },
  {
    args: ['BEGIN { for (i = 1; i <= 50; i++) e[i * 100000]; for (k in e) printf "%s ", k; print "" }'],
    stdout:
      "1700000 4500000 1000000 800000 2200000 3000000 3700000 4400000 3900000 2600000 1900000 2500000 2000000 1100000 3500000 2700000 1400000 4300000 2100000 2400000 3800000 2800000 700000 1500000 1200000 1300000 4200000 3400000 4800000 3600000 900000 3300000 1600000 4900000 4000000 1800000 4700000 3100000 500000 2900000 3200000 4100000 4600000 2300000 5000000 100000 200000 300000 400000 600000 \n",
  },
  {
    args: ['BEGIN { e[1600000000]; e[1600000100]; e[1600000200]; e[5]; for (k in e) printf "%s ", k; print "" }'],
    stdout: "5 1600000000 1600000100 1600000200 \n",
  },
  {
    args: [
      'BEGIN { for (i = 0; i < 30; i++) f[i]; for (i = 0; i < 30; i += 3) delete f[i]; f["s"]; for (k in f) printf "%s ", k; print "" }',
    ],
    stdout: "s 1 2 4 5 7 8 10 11 13 14 16 17 19 20 22 23 25 26 28 29 \n",
  },
  {
    args: ['BEGIN { g["a"]; g[1]; delete g["a"]; g["b"]; g[2]; for (k in g) printf "%s ", k; print "" }'],
    stdout: "b 1 2 \n",
  },
  { args: ['BEGIN { h[1]; h["x"]; delete h[1]; h[2]; for (k in h) printf "%s ", k; print "" }'], stdout: "x 2 \n" },
  {
    args: ['BEGIN { for (i = -20; i < 20; i++) m[i]; for (k in m) printf "%s ", k; print "" }'],
    stdout:
      "0 -10 -17 -19 10 -12 15 -7 8 17 11 -16 5 4 19 -18 12 -9 2 -11 13 -2 -15 -6 6 9 -4 -20 3 1 -3 -5 -13 -14 18 16 7 -1 14 -8 \n",
  },
  {
    args: [
      'BEGIN { for (i = 0; i < 50; i++) m[-i*7]; for (i = 0; i < 40; i+=2) delete m[-i*7]; for (k in m) printf "%s ", k; print "" }',
    ],
    stdout:
      "-315 -119 -7 -336 -21 -35 -343 -203 -133 -273 -189 -231 -280 -63 -259 -105 -77 -147 -294 -287 -175 -322 -329 -91 -308 -245 -161 -49 -301 -217 \n",
  },
  {
    args: ['BEGIN { n = split("z y x w v", arr); for (k in arr) printf "%s=%s ", k, arr[k]; print "" }'],
    stdout: "1=z 2=y 3=x 4=w 5=v \n",
  },
  { args: ['BEGIN { a["10"]; a[9]; for (k in a) if (k < 5) print "lt", k }'], stdout: "" },
  {
    args: ['BEGIN { a[01]; a[1.5]; a["007"]; a[1e3]; a[-0]; for (k in a) printf "[%s]", k; print "" }'],
    stdout: "[007][1.5][0][1][1000]\n",
  },
  {
    args: ["{ count[$1]++ } END { for (w in count) print w, count[w] }"],
    stdin:
      "the\nquick\nbrown\nfox\njumps\nover\nthe\nlazy\ndog\nand\nthe\ncat\nsat\non\nthe\nmat\nwith\na\nhat\nwhile\nthe\nbird\nsang\nsongs\nof\njoy\nin\nthe\nmorning\nlight\nnear\nthe\nold\noak\ntree\nby\nthe\nriver\nbank\nwhere\nfish\nswim\n",
    stdout:
      "light 1\non 1\nfox 1\nwith 1\nquick 1\nnear 1\nover 1\nbrown 1\nbank 1\nmat 1\nswim 1\noak 1\nof 1\nhat 1\njumps 1\nthe 8\nfish 1\nbird 1\na 1\ncat 1\nand 1\nlazy 1\nin 1\njoy 1\nsongs 1\nsat 1\nwhere 1\ntree 1\nold 1\nriver 1\nwhile 1\nby 1\nsang 1\nmorning 1\ndog 1\n",
  },
  {
    args: ["{ for (i = 1; i <= NF; i++) freq[$i]++ } END { for (w in freq) print freq[w], w }"],
    stdin:
      "the quick brown fox jumps over the lazy dog and the cat sat on the mat with a hat while the bird sang songs of joy in the morning light near the old oak tree by the river bank where fish swim\nfox jumps over the lazy dog and the cat sat on the mat with a hat while the bird sang songs of joy in the morning light near the old oak tree by the river bank where fish swim\n",
    stdout:
      "2 light\n2 on\n2 fox\n2 with\n1 quick\n2 near\n2 over\n1 brown\n2 bank\n2 mat\n2 swim\n2 oak\n2 of\n2 hat\n2 jumps\n15 the\n2 fish\n2 bird\n2 a\n2 cat\n2 and\n2 lazy\n2 in\n2 joy\n2 songs\n2 sat\n2 where\n2 tree\n2 old\n2 river\n2 while\n2 by\n2 sang\n2 morning\n2 dog\n",
  },
  {
    args: ["{ s[$2] += $3 } END { for (k in s) print k, s[k] }"],
    stdin: "a x 1\nb y 2\nc x 3\nd z 4\ne y 5\nf w 6\ng v 7\n",
    stdout: "v 7\nw 6\nx 4\ny 7\nz 4\n",
  },
  {
    args: ['!seen[$0]++ { n++ } END { for (k in seen) printf "%s:%d ", k, seen[k]; print n }'],
    stdin: "3\n1\n3\n2\n1\n10\n",
    stdout: "1:2 2:1 3:2 10:1 4\n",
  },
  { args: ["BEGIN { for (k in ENVIRON) n++; print n > 0 }"], stdout: "" },
]
