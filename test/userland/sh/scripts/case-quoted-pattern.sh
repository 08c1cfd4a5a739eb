x='*'
case $x in "*") echo star;; *) echo other;; esac
y=abc
case $y in "a*") echo literal;; a*) echo glob;; esac
p='a*'
case abc in $p) echo var-glob;; esac
case abc in "$p") echo no;; *) echo quoted-var;; esac
