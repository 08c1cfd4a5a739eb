unset u
echo ${u:=first}
echo $u
e=
echo "${e=no}" "[${e}]"
echo "${e:=yes}" "[${e}]"
