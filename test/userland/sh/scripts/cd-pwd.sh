mkdir sub
mkdir sub/deeper
cd sub
echo "${PWD##*/work/}"
cd deeper
cd ..
echo "${PWD##*/}"
cd - > /dev/null
echo "${PWD##*/}"
cd - | { read p; echo "${p##*/}"; }
