mkdir h
HOME=$(pwd)/h
cd
echo "${PWD##*/}"
cd /
pwd
